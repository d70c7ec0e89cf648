using Clinic.Domain.Consent;

namespace Clinic.Api.Consent;

public sealed record ConsentRequest
{
    public required IReadOnlyList<ConsentScope> Scope { get; init; }
    public required string FormVersion { get; init; }
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>The patient was told mesotherapy is not approved or endorsed for fat removal (localized fat and cellulite need it).</summary>
    public bool ToldNotApprovedForFatRemoval { get; init; }

    public ConsentTerms ToTerms() => new(Scope, FormVersion, SignedAt, ToldNotApprovedForFatRemoval);
}
