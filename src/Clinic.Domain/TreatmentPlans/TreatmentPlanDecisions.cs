using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;

namespace Clinic.Domain.TreatmentPlans;

internal static class TreatmentPlanDecisions
{
    public static Decision Create(CreateTreatmentPlan command, PatientState state) =>
        (Check.IsNew(state.FindPlan(command.PlanId), "Treatment plan", command.PlanId)
         ?? TreatmentPlanRules.Validate(command.Details, command.Policy)
         ?? ScreeningRules.CheckEligibleOn(state, command.CreatedOn)
         ?? TreatmentPlanRules.CheckNotSuspended(state)
         ?? CheckNoActivePlan(state)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new TreatmentPlanCreated(command.PatientId, command.PlanId, command.CreatedOn, command.Details));

    public static Decision Stop(StopTreatmentPlan command, PatientState state)
    {
        var plan = state.FindPlan(command.PlanId);
        if (plan is null)
            return Decision.Refuse(TreatmentPlanRules.NotFound(command.PlanId));
        return (Check.NotBlank(command.Reason, RefusalCodes.ReasonRequired, "The reason for stopping the plan")
                ?? TreatmentPlanRules.CheckNotStopped(plan)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new TreatmentPlanStopped(command.PatientId, plan.PlanId, command.StoppedAt, command.Reason, null));
    }

    private static Refusal? CheckNoActivePlan(PatientState state) =>
        state.ActivePlan is { } active
            ? new Refusal(RefusalCodes.PlanActive, $"Treatment plan {active.PlanId} is still active.")
            : null;
}
