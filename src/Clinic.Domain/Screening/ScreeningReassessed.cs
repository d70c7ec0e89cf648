using Clinic.Domain.Patients;

namespace Clinic.Domain.Screening;

/// <summary>
/// A screening's outcome changed because a fact it depends on was corrected (the date of birth decides
/// <see cref="ScreeningReasons.Under18"/>). Emitted with the correction that caused it.
/// </summary>
public sealed record ScreeningReassessed(
    Guid PatientId,
    Guid ScreeningId,
    ScreeningAssessment Assessment) : IPatientEvent;
