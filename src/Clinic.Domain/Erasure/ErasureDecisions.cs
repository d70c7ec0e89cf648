using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Erasure;

public static class ErasureDecisions
{
    /// <summary>Erasure while the retention runs only when the law requires it.</summary>
    public static Decision Erase(ErasePatient command, PatientState state) =>
        (Check.NotBlank(command.Reason, RefusalCodes.ReasonRequired, "The reason for the erasure")
         ?? (command.LegalObligation ? null : RetentionRules.CheckEnded(state, command.Policy, command.RequestedAt))) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new PatientErased(command.PatientId, command.RequestedAt, command.Reason, command.LegalObligation));

    /// <summary>Recorded once per retention period: a treatment after it starts a new one, whose end is recorded again.</summary>
    public static Decision RecordRetentionEnded(RecordRetentionEnded command, PatientState state)
    {
        if (RetentionRules.CheckEnded(state, command.Policy, command.At) is { } refusal)
            return Decision.Refuse(refusal);
        var endedOn = RetentionRules.EndsOn(state, command.Policy)!.Value;
        return state.RetentionEndedOn == endedOn ? Decision.Accept() : Decision.Accept(new RetentionPeriodEnded(command.PatientId, endedOn));
    }
}
