namespace Clinic.Api.Sessions;

public sealed record ScheduleSessionRequest
{
    public required Guid PatientId { get; init; }
    public required Guid PlanId { get; init; }
    public required Guid PractitionerId { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required int DurationMinutes { get; init; }

    /// <summary>Clinicians only: book closer to another session of the plan than its interval, for a recorded reason.</summary>
    public IntervalOverrideRequest? IntervalOverride { get; init; }
}
