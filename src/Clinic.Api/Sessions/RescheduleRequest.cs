namespace Clinic.Api.Sessions;

public sealed record RescheduleRequest
{
    public required DateTimeOffset StartsAt { get; init; }
    public required string Reason { get; init; }
    public IntervalOverrideRequest? IntervalOverride { get; init; }
}
