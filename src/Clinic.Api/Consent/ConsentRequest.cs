using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.Consent;

namespace Clinic.Api.Consent;

public sealed record ConsentRequest
{
    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<ConsentScope> Scope { get; init; }
    [MaxLength(RequestLimits.Name)]
    public required string FormVersion { get; init; }
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>The patient was told mesotherapy is not approved or endorsed for fat removal (localized fat and cellulite need it).</summary>
    public bool ToldNotApprovedForFatRemoval { get; init; }

    public ConsentTerms ToTerms() => new(Scope, FormVersion, SignedAt, ToldNotApprovedForFatRemoval);
}
