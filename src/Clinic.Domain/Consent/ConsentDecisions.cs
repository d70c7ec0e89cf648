using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Consent;

internal static class ConsentDecisions
{
    public static Decision Record(RecordConsent command, PatientState state) =>
        (Check.IsNew(state.FindConsent(command.ConsentId), "Consent", command.ConsentId)
         ?? ConsentRules.Validate(command.Terms, command.RecordedAt)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new ConsentRecorded(command.PatientId, command.ConsentId, command.Terms));
}
