using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

/// <summary>A clinician's review of a serious or severe side effect; <see cref="ReviewedBy"/> is the clinician.</summary>
public sealed record ReviewSideEffect(
    Guid PatientId,
    Guid SideEffectId,
    ReviewDecision Decision,
    [property: PersonalData] string Notes,
    string ReviewedBy,
    DateTimeOffset ReviewedAt) : IPatientCommand;
