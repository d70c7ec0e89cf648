using Clinic.Domain.Access;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Corrections;
using Clinic.Domain.Erasure;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Signatures;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.Records;

/// <summary>
/// One line saying what an event recorded, for timelines and the audit trail. It names no person and
/// copies no free text (names, contact details, descriptions, notes stay in the record itself).
/// </summary>
public static class EventSummaries
{
    public static string Describe(object? @event) => @event switch
    {
        ClinicPolicySet e => $"Clinic policy set: screening valid {e.Policy.ScreeningValidityDays} d, minimum interval {e.Policy.MinimumIntervalDays} d, "
                             + $"serious reports within {e.Policy.SeriousReportingDays} d ({e.Policy.FatalOrLifeThreateningReportingDays} d if fatal or life-threatening), "
                             + $"allergy tests read within {e.Policy.AllergyReadingWindowDays} d and clear for {e.Policy.AllergyTestValidityMonths} months",
        PractitionerRegistered e => $"Practitioner registered: {Name(e.Details.Profession)}, licence valid until {e.Details.LicenceExpiresOn:yyyy-MM-dd}",
        PractitionerLicenceRenewed e => $"Licence renewed until {e.ExpiresOn:yyyy-MM-dd}",
        PractitionerBooked e => $"Booked for session {e.SessionId} at {e.StartsAt:u}",
        PractitionerBookingMoved e => $"Booking of session {e.SessionId} moved to {e.StartsAt:u}",
        PractitionerBookingReleased e => $"Booking of session {e.SessionId} released",
        PatientRegistered => "Patient registered",
        PatientScreened e => $"Screened on {e.ScreenedOn:yyyy-MM-dd}: {Assessment(e.Assessment)}; {Examinations(e.Answers)}",
        ScreeningReassessed e => $"Screening reassessed: {Assessment(e.Assessment)}",
        ConsentRecorded e => $"Consent recorded: {Consent(e.Terms)}",
        AllergyTestApplied e => $"Allergy test applied: {string.Join(", ", e.Substances)}",
        AllergyTestRead e => $"Allergy test read: {Reading(e.Reading)}",
        AllergyReadingFellDue e => $"Allergy test reading due since {e.DueAt:u}",
        TreatmentPlanCreated e => $"Treatment plan: {Plan(e.Details)}",
        TreatmentPlanStopped e => $"Treatment plan stopped{(e.SideEffectId is null ? "" : " after a side-effect review")}",
        SessionScheduled e => $"Session scheduled at {e.StartsAt:u} for {(e.EndsAt - e.StartsAt).TotalMinutes:0} min{Override(e.IntervalOverride)}",
        SessionRescheduled e => $"Session moved to {e.StartsAt:u}{Override(e.IntervalOverride)}",
        SessionCancelled => "Session cancelled",
        SessionMarkedNoShow => "Patient did not attend the session",
        SessionPerformed e => $"Session performed: {Treatment(e.Treatment)}",
        SessionReminderSent e => $"Reminder sent for the session at {e.SessionStartsAt:u}",
        SideEffectReported e => $"Side effect reported: {SideEffect(e.Details)}{Due(e.ReportDueAt)}",
        SideEffectResolved e => $"Side effect resolved: {Name(e.Outcome)}",
        SideEffectReviewed e => $"Clinician review of a side effect: {Name(e.Decision)}",
        RegulatorNotified => "Regulator notified of a serious side effect",
        SideEffectReportOverdue e => $"Regulator report overdue (was due {e.DueAt:u})",
        SessionSigned e => $"Session record signed as {Name(e.Signature.Meaning)} by a {e.Signature.Role} (content SHA-256 {e.Signature.ContentHash})",
        SideEffectReviewSigned e => $"Side-effect review signed as {Name(e.Signature.Meaning)} by a {e.Signature.Role} (content SHA-256 {e.Signature.ContentHash})",
        RecordViewed e => $"Viewed {e.Resource}",
        RetentionPeriodEnded e => $"Retention period ended on {e.EndedOn:yyyy-MM-dd}",
        PatientErased e => $"Personal data erased{(e.LegalObligation ? " by legal obligation" : " after the retention period")}",
        ICorrection => $"Correction: {CorrectionOf(@event)}",
        null => "(data not read)",
        _ => @event.GetType().Name,
    };

    private static string CorrectionOf(object correction) => correction switch
    {
        PractitionerDetailsCorrected e => $"practitioner details ({Name(e.Details.Profession)}, licence until {e.Details.LicenceExpiresOn:yyyy-MM-dd})",
        PatientDetailsCorrected => "patient details",
        ScreeningCorrected e => $"screening of {e.ScreenedOn:yyyy-MM-dd}, now {Assessment(e.Assessment)}; {Examinations(e.Answers)}",
        ConsentCorrected e => $"consent, now {Consent(e.Terms)}",
        AllergyTestApplicationCorrected e => $"allergy test, now {string.Join(", ", e.Substances)} applied at {e.AppliedAt:u}",
        AllergyTestReadingCorrected e => $"allergy test reading, now {Reading(e.Reading)}",
        TreatmentPlanCorrected e => $"treatment plan, now {Plan(e.Details)}",
        SessionRecordCorrected e => $"session record, now {Treatment(e.Treatment)}",
        SideEffectCorrected e => $"side effect{(e.ClinicianId is null ? "" : " by a clinician")}, now {SideEffect(e.Details)}{Due(e.ReportDueAt)}",
        NoShowRetracted => "no-show retracted, the session is scheduled again",
        SideEffectResolutionCorrected e => $"side-effect resolution, now {Name(e.Outcome)} at {e.ResolvedAt:u}",
        SideEffectReviewCorrected => "clinician review notes (the decision stands)",
        RegulatorNotificationCorrected e => $"regulator notification, now at {e.NotifiedAt:u}",
        _ => correction.GetType().Name,
    };

    private static string Assessment(ScreeningAssessment a) => a.Outcome switch
    {
        ScreeningOutcome.Eligible => $"eligible until {a.ValidUntil:yyyy-MM-dd}",
        ScreeningOutcome.Deferred => $"deferred until {a.DeferredUntil:yyyy-MM-dd} ({string.Join(", ", a.Reasons)})",
        _ => $"ineligible ({string.Join(", ", a.Reasons)})",
    };

    private static string Examinations(ScreeningAnswers a) =>
        $"physical examination {DoneOn(a.PhysicalExaminationOn)}, blood and urine test {DoneOn(a.BloodUrineTestOn)}";

    private static string DoneOn(DateOnly? date) => date is null ? "not recorded" : $"on {date:yyyy-MM-dd}";

    private static string Consent(ConsentTerms t) =>
        $"{Names(t.Scopes)} (form {t.FormVersion}){(t.ToldNotApprovedForFatRemoval ? ", told fat removal is not an approved use" : "")}";

    private static string Reading(AllergyReading r) =>
        !r.Reaction ? "no reaction" : r.ReactedSubstances.Count == 0 ? "reaction to every tested substance" : $"reaction to {string.Join(", ", r.ReactedSubstances)}";

    private static string Plan(PlanDetails p) =>
        $"{Name(p.Indication)} on {Names(p.Areas)}, {Name(p.Technique)}, {p.PlannedSessions} sessions"
        + (p.Later is null && p.Maintenance is null
            ? $" at least {p.IntervalDays} days apart"
            : $": {p.InitialSessions()} at least {p.IntervalDays} days apart{Phase("then", p.Later)}{Phase("then maintenance,", p.Maintenance)}")
        + (p.Deviation is null ? "" : " (off protocol by a clinician)");

    private static string Phase(string lead, PlanPhase? phase) =>
        phase is null ? "" : $", {lead} {phase.Sessions} at least {phase.IntervalDays} days apart";

    private static string Treatment(PerformedTreatment t) =>
        $"{string.Join(", ", t.Products.Select(p => $"{p.Name} lot {p.LotNumber} {p.VolumeMl} ml"))}; {Delivery(t)}, {Name(t.Technique)}, {Names(t.Areas)}"
        + $"{(t.Deviation is null ? "" : $" (deviating from the plan: {t.Deviation.Reason})")}; {t.DurationMinutes} min{Anesthetic(t)}, "
        + $"aftercare {(t.Aftercare is { Count: > 0 } aftercare ? Names(aftercare) : "not listed")}";

    /// <summary>Records made before the delivery was recorded show their depth alone.</summary>
    private static string Delivery(PerformedTreatment t) =>
        string.Join(" ", new[] { t.Delivery is { } d ? $"{Name(d.Method)} {Name(d.Device)}" : null, t.DepthMm is { } depth ? $"{depth} mm" : null }
            .OfType<string>());

    private static string Anesthetic(PerformedTreatment t) =>
        !t.AnestheticCream ? "" : t.AnestheticAppliedAt is { } at ? $", anesthetic cream at {at:u}" : ", anesthetic cream";

    private static string SideEffect(SideEffectDetails d) =>
        $"{Name(d.Kind)}, {Name(d.Severity)}{(d.Serious ? $", serious ({Names(d.Seriousness)})" : "")}";

    private static string Override(IntervalOverride? intervalOverride) =>
        intervalOverride is null ? "" : " (interval overridden by a clinician)";

    private static string Due(DateTimeOffset? dueAt) => dueAt is null ? "" : $"; regulator report due {dueAt:u}";

    private static string Names<T>(IEnumerable<T> values) where T : struct, Enum => string.Join(", ", values.Select(EnumNames.Of));

    private static string Name<T>(T value) where T : struct, Enum => EnumNames.Of(value);
}
