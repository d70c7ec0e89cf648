namespace Clinic.Api.Sessions;

public sealed record CancelRequest
{
    public required string Reason { get; init; }
}
