using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.SideEffects;

internal static class SideEffectDecisions
{
    public static Decision Report(ReportSideEffect command, PatientState state) =>
        (Check.IsNew(state.FindSideEffect(command.SideEffectId), "Side effect", command.SideEffectId)
         ?? Check.Defined(command.ReportedBy, RefusalCodes.InvalidSideEffect, "Reported by")
         ?? SideEffectRules.Validate(command.Details, state, command.RecordedAt)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new SideEffectReported(
                command.PatientId,
                command.SideEffectId,
                command.Details,
                command.ReportedBy,
                SideEffectRules.RequiresReview(command.Details),
                SideEffectRules.ReportDueAt(command.Details, command.Policy)));

    public static Decision Resolve(ResolveSideEffect command, PatientState state) =>
        WithSideEffect(command.SideEffectId, state, sideEffect =>
            (Check.That(sideEffect.IsOpen, RefusalCodes.SideEffectAlreadyResolved,
                    $"Side effect {sideEffect.SideEffectId} is already resolved.")
             ?? SideEffectRules.ValidateResolution(sideEffect, command.ResolvedAt, command.Outcome, command.RecordedAt)) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(new SideEffectResolved(
                    command.PatientId, sideEffect.SideEffectId, command.ResolvedAt, command.Outcome, command.Notes)));

    /// <summary>
    /// Every decision lifts this side effect's suspension; stop-treatment also stops the active plan, and
    /// reported-in-error also closes its reporting clock.
    /// </summary>
    public static Decision Review(ReviewSideEffect command, PatientState state) =>
        WithSideEffect(command.SideEffectId, state, sideEffect =>
            (Check.That(sideEffect.RequiresReview, RefusalCodes.ReviewNotRequired,
                    $"Side effect {sideEffect.SideEffectId} is neither serious nor severe; it needs no clinician review.")
             ?? Check.That(sideEffect.Review is null, RefusalCodes.SideEffectAlreadyReviewed,
                 $"Side effect {sideEffect.SideEffectId} was already reviewed.")
             ?? Check.Defined(command.Decision, RefusalCodes.InvalidReview, "Review decision")
             ?? SideEffectRules.CheckReviewNotes(command.Notes)
             ?? Check.That(!string.IsNullOrWhiteSpace(command.ReviewedBy), RefusalCodes.InvalidReview,
                 "A review must name the clinician who made it.")) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(ReviewEvents(command, state).ToArray()));

    public static Decision RecordRegulatorNotification(RecordRegulatorNotification command, PatientState state) =>
        WithSideEffect(command.SideEffectId, state, sideEffect =>
            (CheckAwaitsNotification(sideEffect)
             ?? SideEffectRules.ValidateNotification(sideEffect, command.NotifiedAt, command.RecordedAt)) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(new RegulatorNotified(
                    command.PatientId, sideEffect.SideEffectId, command.NotifiedAt, command.Reference)));

    /// <summary>Only when the reporting clock really ran out and the regulator was not notified.</summary>
    public static Decision EscalateOverdueReport(EscalateOverdueReport command, PatientState state) =>
        WithSideEffect(command.SideEffectId, state, sideEffect =>
            (CheckAwaitsNotification(sideEffect)
             ?? Check.That(command.AsOf > sideEffect.ReportDueAt, RefusalCodes.ReportNotOverdue,
                 $"The report of side effect {sideEffect.SideEffectId} is due at {sideEffect.ReportDueAt:O}.")
             ?? Check.That(sideEffect.Escalation is null, RefusalCodes.ReportAlreadyEscalated,
                 $"The overdue report of side effect {sideEffect.SideEffectId} was already escalated.")) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(new SideEffectReportOverdue(
                    command.PatientId, sideEffect.SideEffectId, sideEffect.ReportDueAt!.Value, command.AsOf)));

    private static IEnumerable<IDomainEvent> ReviewEvents(ReviewSideEffect command, PatientState state)
    {
        yield return new SideEffectReviewed(
            command.PatientId, command.SideEffectId, command.Decision, command.Notes, command.ReviewedBy, command.ReviewedAt);
        if (command.Decision == ReviewDecision.StopTreatment && state.ActivePlan is { } plan)
            yield return new TreatmentPlanStopped(command.PatientId, plan.PlanId, command.ReviewedAt, command.Notes, command.SideEffectId);
    }

    private static Refusal? CheckAwaitsNotification(SideEffect sideEffect) =>
        Check.That(sideEffect.ReportDueAt is not null, RefusalCodes.NotificationNotRequired,
            $"Side effect {sideEffect.SideEffectId} is neither serious nor severe; the regulator need not be notified.")
        ?? Check.That(sideEffect.Notification is null, RefusalCodes.RegulatorAlreadyNotified,
            $"The regulator was already notified of side effect {sideEffect.SideEffectId}.")
        ?? Check.That(!sideEffect.ReportedInError, RefusalCodes.NotificationNotRequired,
            $"A clinician's review found side effect {sideEffect.SideEffectId} was reported in error; the regulator need not be notified.");

    public static Decision WithSideEffect(Guid sideEffectId, PatientState state, Func<SideEffect, Decision> decide) =>
        state.FindSideEffect(sideEffectId) is { } sideEffect
            ? decide(sideEffect)
            : Decision.Refuse(SideEffectRules.NotFound(sideEffectId));
}
