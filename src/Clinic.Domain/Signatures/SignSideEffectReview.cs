using Clinic.Domain.Patients;

namespace Clinic.Domain.Signatures;

/// <summary>The clinician who reviewed a side effect signs the review.</summary>
public sealed record SignSideEffectReview(
    Guid PatientId,
    Guid SideEffectId,
    SignatureMeaning Meaning,
    Signer Signer,
    DateTimeOffset SignedAt) : IPatientCommand;
