using Clinic.Domain.Consent;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

public sealed record CorrectConsent(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid ConsentId,
    ConsentTerms Terms,
    DateTimeOffset RecordedAt) : IPatientCommand, ICorrection;
