using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Domain.Corrections;

/// <summary>Corrections of a side effect's report, and of what was recorded after it: its resolution, review and notification.</summary>
internal static class SideEffectCorrections
{
    /// <summary>
    /// The corrected details follow the report's rules and must still fit what was recorded after it (resolution,
    /// notification); lowering them is a clinician's act, and neither lifts a
    /// suspension nor stops a reporting clock that the report started (<see cref="SideEffectRules.ReportDueAfterCorrection"/>).
    /// </summary>
    public static Decision CorrectSideEffect(CorrectSideEffect command, PatientState state) =>
        SideEffectDecisions.WithSideEffect(command.SideEffectId, state, recorded =>
            (CorrectionRules.Validate(command)
             ?? SideEffectRules.Validate(command.Details, state, command.RecordedAt)
             ?? SideEffectRules.CheckFollowUps(recorded, command.Details)
             ?? SideEffectRules.CheckLoweredByClinician(recorded.Details, command.Details, command.ClinicianId)) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(new SideEffectCorrected(
                    command.PatientId, command.CorrectedEventId, command.Reason, recorded.SideEffectId, command.Details,
                    SideEffectRules.RequiresReviewAfterCorrection(recorded, command.Details),
                    SideEffectRules.ReportDueAfterCorrection(recorded, command.Details, command.Policy),
                    command.ClinicianId,
                    SideEffectRules.ReopensReview(recorded, command.Details))));

    public static Decision CorrectResolution(CorrectSideEffectResolution command, PatientState state) =>
        SideEffectDecisions.WithSideEffect(command.SideEffectId, state, sideEffect =>
            (CorrectionRules.Validate(command)
             ?? Check.That(!sideEffect.IsOpen, RefusalCodes.SideEffectNotResolved,
                 $"Side effect {sideEffect.SideEffectId} has no resolution to correct.")
             ?? SideEffectRules.ValidateResolution(sideEffect, command.ResolvedAt, command.Outcome, command.RecordedAt)) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(new SideEffectResolutionCorrected(
                    command.PatientId, command.CorrectedEventId, command.Reason, sideEffect.SideEffectId,
                    command.ResolvedAt, command.Outcome, command.Notes)));

    /// <summary>
    /// Only the notes: the decision suspended, resumed or stopped treatment, and sessions may have followed it, so a
    /// different decision is a new act (stop the plan; after a stop, a new plan), not a correction of the old one.
    /// </summary>
    public static Decision CorrectReview(CorrectSideEffectReview command, PatientState state) =>
        SideEffectDecisions.WithSideEffect(command.SideEffectId, state, sideEffect =>
            (CorrectionRules.Validate(command)
             ?? Check.That(sideEffect.Review is not null, RefusalCodes.SideEffectNotReviewed,
                 $"Side effect {sideEffect.SideEffectId} has no review to correct.")
             ?? Check.That(command.Decision == sideEffect.Review!.Decision, RefusalCodes.ReviewDecisionFinal,
                 "A review's decision is not corrected, only its notes: to stop treatment, stop the plan; "
                 + "to treat again after a stop, create a new treatment plan.")
             ?? SideEffectRules.CheckReviewNotes(command.Notes)) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(new SideEffectReviewCorrected(
                    command.PatientId, command.CorrectedEventId, command.Reason, sideEffect.SideEffectId, command.Notes)));

    public static Decision CorrectNotification(CorrectRegulatorNotification command, PatientState state) =>
        SideEffectDecisions.WithSideEffect(command.SideEffectId, state, sideEffect =>
            (CorrectionRules.Validate(command)
             ?? Check.That(sideEffect.Notification is not null, RefusalCodes.RegulatorNotNotified,
                 $"The regulator was not notified of side effect {sideEffect.SideEffectId}; there is nothing to correct.")
             ?? SideEffectRules.ValidateNotification(sideEffect, command.NotifiedAt, command.RecordedAt)) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(new RegulatorNotificationCorrected(
                    command.PatientId, command.CorrectedEventId, command.Reason, sideEffect.SideEffectId,
                    command.NotifiedAt, command.Reference)));
}
