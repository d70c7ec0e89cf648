using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;

namespace Clinic.Domain.SideEffects;

internal static class SideEffectRules
{
    /// <summary>A serious or severe event suspends the plan and starts the reporting clock (primer, side effects).</summary>
    public static bool RequiresReview(SideEffectDetails details) =>
        details.Serious || details.Severity >= Severity.Severe;

    public static DateTimeOffset? ReportDueAt(SideEffectDetails details, ClinicPolicy policy) =>
        RequiresReview(details)
            ? details.AwareAt.AddDays(IsFatalOrLifeThreatening(details)
                ? policy.FatalOrLifeThreateningReportingDays
                : policy.SeriousReportingDays)
            : null;

    /// <summary><paramref name="now"/> is the caller's clock: a side effect is not reported before it began.</summary>
    public static Refusal? Validate(SideEffectDetails details, PatientState state, DateTimeOffset now) =>
        Check.Defined(details.Kind, RefusalCodes.InvalidSideEffect, "Side effect kind")
        ?? Check.Defined(details.Severity, RefusalCodes.InvalidSideEffect, "Severity")
        ?? Check.AllDefined(details.Seriousness, RefusalCodes.InvalidSideEffect, "Seriousness")
        ?? Check.That(details.Serious == details.Seriousness.Count > 0, RefusalCodes.InvalidSideEffect,
            "A serious side effect names its seriousness criteria, and only a serious one does.")
        ?? CheckSeverityCriterion(details)
        ?? Check.InCalendar(details.AwareAt, "The time the clinic became aware of a side effect")
        ?? Check.That(details.AwareAt >= details.OnsetAt, RefusalCodes.InvalidSideEffect,
            "Nobody can be aware of a side effect before its onset.")
        ?? Check.NotInFuture(details.OnsetAt, now, "The onset of a side effect")
        ?? Check.NotInFuture(details.AwareAt, now, "The time the clinic became aware of a side effect")
        ?? Check.NotBlank(details.Description, RefusalCodes.InvalidSideEffect, "The description")
        ?? CheckSession(state, details.SessionId);

    /// <summary>
    /// Whether <paramref name="corrected"/> makes less of a side effect than <paramref name="recorded"/>: a lower
    /// severity, or a seriousness criterion gone.
    /// </summary>
    public static bool Lowers(SideEffectDetails recorded, SideEffectDetails corrected) =>
        corrected.Severity < recorded.Severity || recorded.Seriousness.Except(corrected.Seriousness).Any();

    /// <summary>
    /// A review decided on the side effect as it then was: one corrected to something graver that needs a review awaits
    /// a new one (suspending treatment again, and reopening a reporting clock a reported-in-error decision had closed).
    /// </summary>
    public static bool ReopensReview(SideEffect recorded, SideEffectDetails corrected) =>
        recorded.Review is not null && RequiresReview(corrected) && Lowers(corrected, recorded.Details);

    /// <summary>Lowering a side effect is a clinician's act (the correction's reason is required as for any correction).</summary>
    public static Refusal? CheckLoweredByClinician(SideEffectDetails recorded, SideEffectDetails corrected, string? clinicianId) =>
        Check.That(!Lowers(recorded, corrected) || !string.IsNullOrWhiteSpace(clinicianId), RefusalCodes.ClinicianRequired,
            "Only a clinician lowers a side effect's severity or removes a seriousness criterion.");

    /// <summary>
    /// A correction never takes away a clinician's review once one was needed: only a review lifts the suspension.
    /// </summary>
    public static bool RequiresReviewAfterCorrection(SideEffect recorded, SideEffectDetails corrected) =>
        recorded.RequiresReview || RequiresReview(corrected);

    /// <summary>
    /// A reporting clock that started keeps running whatever a correction says, and a correction may bring its deadline
    /// forward but never push it back: only the regulator's notification or a clinician's reported-in-error decision
    /// closes it.
    /// </summary>
    public static DateTimeOffset? ReportDueAfterCorrection(SideEffect recorded, SideEffectDetails corrected, ClinicPolicy policy) =>
        (recorded.ReportDueAt, ReportDueAt(corrected, policy)) switch
        {
            ({ } started, { } recomputed) => started < recomputed ? started : recomputed,
            (var started, var recomputed) => started ?? recomputed,
        };

    public static Refusal? ValidateResolution(
        SideEffect sideEffect, DateTimeOffset resolvedAt, SideEffectOutcome outcome, DateTimeOffset now) =>
        Check.Defined(outcome, RefusalCodes.InvalidResolution, "Outcome")
        ?? Check.NotInFuture(resolvedAt, now, "The time a side effect resolved")
        ?? CheckResolvedAfterOnset(sideEffect.Details, resolvedAt);

    public static Refusal? ValidateNotification(SideEffect sideEffect, DateTimeOffset notifiedAt, DateTimeOffset now) =>
        Check.NotInFuture(notifiedAt, now, "The time the regulator was notified")
        ?? CheckNotifiedAfterAware(sideEffect.Details, notifiedAt);

    /// <summary>Corrected details must still come before the resolution and the notification already recorded.</summary>
    public static Refusal? CheckFollowUps(SideEffect sideEffect, SideEffectDetails corrected) =>
        (sideEffect.Resolution is { } resolution ? CheckResolvedAfterOnset(corrected, resolution.ResolvedAt) : null)
        ?? (sideEffect.Notification is { } notification ? CheckNotifiedAfterAware(corrected, notification.NotifiedAt) : null);

    public static Refusal? CheckReviewNotes(string notes) => Check.NotBlank(notes, RefusalCodes.InvalidReview, "The review notes");

    public static Refusal NotFound(Guid sideEffectId) => Check.NotFound(RefusalCodes.SideEffectNotFound, "Side effect", sideEffectId);

    private static Refusal? CheckResolvedAfterOnset(SideEffectDetails details, DateTimeOffset resolvedAt) =>
        Check.That(resolvedAt >= details.OnsetAt, RefusalCodes.InvalidResolution,
            $"A side effect cannot resolve ({resolvedAt:O}) before its onset ({details.OnsetAt:O}).");

    private static Refusal? CheckNotifiedAfterAware(SideEffectDetails details, DateTimeOffset notifiedAt) =>
        Check.That(notifiedAt >= details.AwareAt, RefusalCodes.NotifiedBeforeAware,
            $"The regulator cannot be notified of a side effect ({notifiedAt:O}) before the clinic became aware of it ({details.AwareAt:O}).");

    /// <summary>A fatal side effect is serious by death, a life-threatening one by the life-threatening criterion (ICH E2A).</summary>
    private static Refusal? CheckSeverityCriterion(SideEffectDetails details) => details.Severity switch
    {
        Severity.Fatal => Check.That(details.Seriousness.Contains(Seriousness.Death), RefusalCodes.MissingSeriousnessCriterion,
            "A fatal side effect is serious, with the criterion death."),
        Severity.LifeThreatening => Check.That(details.Seriousness.Contains(Seriousness.LifeThreatening),
            RefusalCodes.MissingSeriousnessCriterion, "A life-threatening side effect is serious, with the criterion life-threatening."),
        _ => null,
    };

    private static bool IsFatalOrLifeThreatening(SideEffectDetails details) =>
        details.Severity >= Severity.LifeThreatening
        || details.Seriousness.Contains(Seriousness.Death)
        || details.Seriousness.Contains(Seriousness.LifeThreatening);

    private static Refusal? CheckSession(PatientState state, Guid? sessionId)
    {
        if (sessionId is not { } id)
            return null;
        if (state.FindSession(id) is not { } session)
            return SessionRules.NotFound(id);
        return Check.That(session.Status == SessionStatus.Performed, RefusalCodes.SessionNotPerformed,
            $"Session {id} was not performed, so it caused no side effect.");
    }
}
