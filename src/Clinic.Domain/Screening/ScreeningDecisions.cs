using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Screening;

internal static class ScreeningDecisions
{
    public static Decision Screen(ScreenPatient command, PatientState state) =>
        (Check.IsNew(state.FindScreening(command.ScreeningId), "Screening", command.ScreeningId)
         ?? ScreeningRules.Validate(command.ScreenedOn, command.Answers, command.Policy, command.RecordedAt)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new PatientScreened(
                command.PatientId,
                command.ScreeningId,
                command.ScreenedOn,
                command.Answers,
                ScreeningRules.Assess(state.Details!.DateOfBirth, command.ScreenedOn, command.Answers,
                    ScreeningRules.ValidUntil(command.ScreenedOn, command.Policy))));
}
