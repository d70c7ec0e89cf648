using Clinic.Domain.Consent;

namespace Clinic.Api.Consent;

public sealed record ConsentRequest
{
    public required IReadOnlyList<ConsentScope> Scope { get; init; }
    public required string FormVersion { get; init; }
    public required DateTimeOffset SignedAt { get; init; }

    public ConsentTerms ToTerms() => new(Scope, FormVersion, SignedAt);
}
