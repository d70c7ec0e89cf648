using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Erasure;

/// <summary>The retention review's finding that the patient's retention period may have ended by <see cref="At"/>.</summary>
public sealed record RecordRetentionEnded(Guid PatientId, DateTimeOffset At, ClinicPolicy Policy) : IPatientCommand;
