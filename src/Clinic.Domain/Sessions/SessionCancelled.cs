using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

public sealed record SessionCancelled(
    Guid PatientId,
    Guid SessionId,
    DateTimeOffset CancelledAt,
    string Reason) : IPatientEvent;
