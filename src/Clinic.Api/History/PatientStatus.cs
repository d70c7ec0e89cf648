using Clinic.Api.Signatures;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Signatures;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.History;

/// <summary>
/// Where a patient stands at a moment: what the rules would say to a new session then; and every signature of the
/// record with its state, <see cref="SignaturesRequired"/> being the latest signatures a correction superseded.
/// </summary>
public sealed record PatientStatus(
    EligibilityStatus? Eligibility,
    IReadOnlyList<ConsentScope> ConsentScopes,
    AllergyStatus Allergy,
    PlanStatus? ActivePlan,
    bool TreatmentSuspended,
    IReadOnlyList<OpenSideEffect> OpenSideEffects,
    IReadOnlyList<SignatureView> Signatures,
    IReadOnlyList<SignatureView> SignaturesRequired)
{
    public static PatientStatus Of(PatientState record, ClinicPolicy policy, DateTimeOffset at)
    {
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var signatures = SignatureView.AllOf(record);
        return new PatientStatus(
            record.CurrentScreening is { } screening ? EligibilityStatus.Of(screening, today) : null,
            record.ConsentScopes.Order().ToList(),
            AllergyStatus.Of(record, policy, at),
            record.ActivePlan is { } plan ? PlanStatus.Of(plan, record.ProgressOf(plan, policy)) : null,
            record.IsTreatmentSuspended,
            record.OpenSideEffects.Select(sideEffect => OpenSideEffect.Of(sideEffect, at)).ToList(),
            signatures,
            LatestSuperseded(signatures));
    }

    private static IReadOnlyList<SignatureView> LatestSuperseded(IReadOnlyList<SignatureView> signatures) =>
        signatures.GroupBy(signature => (signature.Record, signature.RecordId)).Select(record => record.Last())
            .Where(latest => latest.State == SignatureState.Superseded).ToList();
}

/// <summary><see cref="EligibleToday"/> also needs the physical examination and the blood and urine test recorded.</summary>
public sealed record EligibilityStatus(
    Guid ScreeningId, ScreeningOutcome Outcome, IReadOnlyList<string> Reasons, DateOnly ScreenedOn, DateOnly ValidUntil, DateOnly? DeferredUntil,
    DateOnly? PhysicalExaminationOn, DateOnly? BloodUrineTestOn, bool EligibleToday)
{
    public static EligibilityStatus Of(ScreeningRecord screening, DateOnly today)
    {
        var assessment = screening.Assessment;
        return new EligibilityStatus(screening.ScreeningId, assessment.Outcome, assessment.Reasons, screening.ScreenedOn,
            assessment.ValidUntil, assessment.DeferredUntil, screening.Answers.PhysicalExaminationOn, screening.Answers.BloodUrineTestOn,
            screening.AllowsTreatmentOn(today));
    }
}

/// <summary><see cref="ClearedSubstances"/> are the ones a session may use at the moment asked about.</summary>
public sealed record AllergyStatus(
    string State, IReadOnlyList<string> ReactedSubstances, IReadOnlyList<string> ClearedSubstances, IReadOnlyList<AllergyTestStatus> Tests)
{
    public static AllergyStatus Of(PatientState record, ClinicPolicy policy, DateTimeOffset at) => new(
        record.AllergyTests.Count == 0 ? "none" : record.HasAllergyTestPending ? "pending" : "read",
        record.ReactedSubstances,
        record.SubstancesClearedAt(at, policy),
        record.AllergyTests.Select(test => new AllergyTestStatus(test.TestId, test.Substances, test.AppliedAt, test.ReadingDueAt,
            test.ReadingFlaggedDue && !test.IsRead, test.Reading?.ReadAt, test.Reading?.Reaction)).ToList());
}

public sealed record AllergyTestStatus(
    Guid TestId, IReadOnlyList<string> Substances, DateTimeOffset AppliedAt, DateTimeOffset ReadingDueAt, bool ReadingOverdue, DateTimeOffset? ReadAt, bool? Reaction);

public sealed record PlanStatus(
    Guid PlanId, Indication Indication, IReadOnlyList<TreatmentArea> Areas, Technique Technique,
    int PlannedSessions, int SessionsPerformed, int SessionsScheduled, int MinimumIntervalDays, DateOnly? NextAllowedDate)
{
    public static PlanStatus Of(TreatmentPlan plan, PlanProgress progress) => new(
        plan.PlanId, plan.Details.Indication, plan.Details.Areas, plan.Details.Technique, progress.PlannedSessions,
        progress.SessionsPerformed, progress.SessionsScheduled, progress.MinimumIntervalDays, progress.NextAllowedDate);
}

/// <summary><see cref="ReportedInError"/>: a clinician's review closed the reporting clock without a notification.</summary>
public sealed record OpenSideEffect(
    Guid SideEffectId, SideEffectKind Kind, Severity Severity, bool Serious, bool AwaitingReview,
    DateTimeOffset? ReportDueAt, bool RegulatorNotified, bool ReportedInError, bool ReportOverdue)
{
    public static OpenSideEffect Of(SideEffect sideEffect, DateTimeOffset at) => new(
        sideEffect.SideEffectId, sideEffect.Details.Kind, sideEffect.Details.Severity, sideEffect.Details.Serious, sideEffect.AwaitsReview,
        sideEffect.ReportDueAt, sideEffect.Notification is not null, sideEffect.ReportedInError,
        sideEffect.Escalation is not null || (sideEffect.AwaitsRegulatorNotification && sideEffect.ReportDueAt < at));
}
