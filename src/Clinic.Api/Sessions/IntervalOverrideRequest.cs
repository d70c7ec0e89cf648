namespace Clinic.Api.Sessions;

public sealed record IntervalOverrideRequest
{
    public required string Reason { get; init; }
}
