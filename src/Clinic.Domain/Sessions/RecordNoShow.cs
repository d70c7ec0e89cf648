using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

/// <summary>
/// The patient did not come. Decided on the patient stream alone: the practitioner's slot has passed and stays
/// in the calendar as it was.
/// </summary>
public sealed record RecordNoShow(Guid PatientId, Guid SessionId, DateTimeOffset RecordedAt) : IPatientCommand;
