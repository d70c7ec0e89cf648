using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Erasure;

/// <summary>
/// A clinic admin's decision to erase a patient's personal data. <see cref="LegalObligation"/>: a court order or a
/// supervisory authority's decision requires it, retention or not. <see cref="Reason"/> names the decision, not the person.
/// </summary>
public sealed record ErasePatient(Guid PatientId, string Reason, bool LegalObligation, DateTimeOffset RequestedAt, ClinicPolicy Policy) : IPatientCommand;
