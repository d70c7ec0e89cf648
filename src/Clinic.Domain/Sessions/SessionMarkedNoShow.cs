using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

public sealed record SessionMarkedNoShow(Guid PatientId, Guid SessionId, DateTimeOffset RecordedAt) : IPatientEvent;
