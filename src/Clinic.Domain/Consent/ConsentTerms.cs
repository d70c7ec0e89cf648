namespace Clinic.Domain.Consent;

/// <summary>
/// <see cref="ToldNotApprovedForFatRemoval"/>: the patient was told mesotherapy is not approved or endorsed for fat
/// removal (seeds 001, 002), which treating localized fat or cellulite needs. False in consents recorded before it existed.
/// </summary>
public sealed record ConsentTerms(
    IReadOnlyList<ConsentScope> Scopes,
    string FormVersion,
    DateTimeOffset SignedAt,
    bool ToldNotApprovedForFatRemoval = false);
