namespace Clinic.Domain.Consent;

public sealed record ConsentRecord(Guid ConsentId, ConsentTerms Terms);
