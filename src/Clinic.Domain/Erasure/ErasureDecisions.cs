using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Signatures;

namespace Clinic.Domain.Erasure;

public static class ErasureDecisions
{
    /// <summary>
    /// Erasure while the retention runs only when the law requires it, and never while a serious side effect awaits its
    /// report to the regulator: erased, the record could no longer take the notification or the escalation.
    /// </summary>
    public static Decision Erase(ErasePatient command, PatientState state) =>
        (Check.NotBlank(command.Reason, RefusalCodes.ReasonRequired, "The reason for the erasure")
         ?? Check.That(!state.SideEffects.Any(sideEffect => sideEffect.AwaitsRegulatorNotification), RefusalCodes.RegulatorReportOutstanding,
             "A serious side effect of this patient awaits its report to the regulator: record the notification first.")
         ?? (command.LegalObligation ? null : RetentionRules.CheckEnded(state, command.Policy, command.RequestedAt))) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new PatientErased(command.PatientId, command.RequestedAt, command.Reason, command.LegalObligation, ValidlySigned(state)));

    /// <summary>The records whose latest signature still signs their content: decided now, while their notes still read.</summary>
    private static IReadOnlyList<Guid> ValidlySigned(PatientState state) =>
    [
        .. state.Sessions.Where(session => SignatureStatus.IsValidlySigned(session.Signatures, SignedContent.HashOf(state.PatientId, session)))
            .Select(session => session.SessionId),
        .. state.SideEffects.Where(sideEffect => SignatureStatus.IsValidlySigned(sideEffect.ReviewSignatures, SignedContent.HashOf(state.PatientId, sideEffect)))
            .Select(sideEffect => sideEffect.SideEffectId),
    ];

    /// <summary>Recorded once per retention period: a treatment after it starts a new one, whose end is recorded again.</summary>
    public static Decision RecordRetentionEnded(RecordRetentionEnded command, PatientState state)
    {
        if (RetentionRules.CheckEnded(state, command.Policy, command.At) is { } refusal)
            return Decision.Refuse(refusal);
        var endedOn = RetentionRules.EndsOn(state, command.Policy)!.Value;
        return state.RetentionEndedOn == endedOn ? Decision.Accept() : Decision.Accept(new RetentionPeriodEnded(command.PatientId, endedOn));
    }
}
