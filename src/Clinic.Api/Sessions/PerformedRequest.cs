namespace Clinic.Api.Sessions;

public sealed record PerformedRequest : TreatmentRequest
{
    public required DateTimeOffset PerformedAt { get; init; }
}
