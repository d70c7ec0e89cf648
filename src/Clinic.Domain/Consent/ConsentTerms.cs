namespace Clinic.Domain.Consent;

public sealed record ConsentTerms(IReadOnlyList<ConsentScope> Scopes, string FormVersion, DateTimeOffset SignedAt);
