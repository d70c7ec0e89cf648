using Clinic.Domain.Sessions;

namespace Clinic.Api.Schedules;

/// <summary>One session in a practitioner's calendar.</summary>
public sealed record ScheduleEntry(
    Guid Id, Guid PractitionerId, Guid PatientId, Guid PlanId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, SessionStatus Status);
