namespace Clinic.Api.Tests.Support;

/// <summary>Paths with query strings the API reads: instants in ISO 8601, escaped.</summary>
public static class Query
{
    public static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    public static string Schedule(Guid practitionerId, DateTimeOffset from, DateTimeOffset to) =>
        $"/api/practitioners/{practitionerId}/schedule?from={Instant(from)}&to={Instant(to)}";
}
