namespace Clinic.Api.Schedules;

public sealed record ScheduleResponse(Guid PractitionerId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ScheduleEntry> Sessions);
