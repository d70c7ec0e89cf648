using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;

namespace Clinic.Domain.Corrections;

public sealed record SessionRecordCorrected(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SessionId,
    PerformedTreatment Treatment) : IPatientEvent, ICorrection;
