using Clinic.Domain.Patients;

namespace Clinic.Domain.Erasure;

/// <summary>The patient's records need no longer be kept since <see cref="EndedOn"/>: she may be erased, which takes a decision.</summary>
public sealed record RetentionPeriodEnded(Guid PatientId, DateOnly EndedOn) : IPatientEvent;
