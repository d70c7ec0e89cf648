using Clinic.Domain.Patients;

namespace Clinic.Domain.Signatures;

/// <summary>
/// The practitioner who performed a session signs its performed record. <see cref="PractitionerUserId"/> is the user
/// the session's practitioner is linked to, which the caller reads from her stream (a patient command does not load it).
/// </summary>
public sealed record SignSession(
    Guid PatientId,
    Guid SessionId,
    SignatureMeaning Meaning,
    Signer Signer,
    DateTimeOffset SignedAt,
    string? PractitionerUserId) : IPatientCommand;
