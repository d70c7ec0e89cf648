using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Domain.Corrections;

/// <summary>
/// Corrects a clinician's review notes. <see cref="Decision"/> must be the one recorded: a decision is not corrected
/// but followed by a new one (stop the plan, or create a new plan after a stop).
/// </summary>
public sealed record CorrectSideEffectReview(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SideEffectId,
    ReviewDecision Decision,
    [property: PersonalData] string Notes) : IPatientCommand, ICorrection;
