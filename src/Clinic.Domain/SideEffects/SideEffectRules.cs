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
        ?? Check.InCalendar(details.AwareAt, "The time the clinic became aware of a side effect")
        ?? Check.That(details.AwareAt >= details.OnsetAt, RefusalCodes.InvalidSideEffect,
            "Nobody can be aware of a side effect before its onset.")
        ?? Check.NotInFuture(details.OnsetAt, now, "The onset of a side effect")
        ?? Check.NotInFuture(details.AwareAt, now, "The time the clinic became aware of a side effect")
        ?? Check.NotBlank(details.Description, RefusalCodes.InvalidSideEffect, "The description")
        ?? CheckSession(state, details.SessionId);

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
