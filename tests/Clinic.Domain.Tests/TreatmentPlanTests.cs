using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Screening;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class TreatmentPlanTests
{
    private static CreateTreatmentPlan Create(PlanDetails? details = null, DateOnly? createdOn = null, ClinicPolicy? policy = null, Guid? planId = null) =>
        new(PatientId, planId ?? PlanId, createdOn ?? On(3, 1), details ?? FacePlan(), policy ?? Policy);

    [Fact]
    public void Creating_a_plan_records_indication_areas_technique_and_protocol() =>
        Given.Patient(Registered, EligibleScreening)
            .When(Create())
            .ThenEmits(new TreatmentPlanCreated(PatientId, PlanId, On(3, 1),
                new PlanDetails(Indication.SkinRejuvenation, [TreatmentArea.Face, TreatmentArea.Neck], Technique.Nappage, 6, 7)));

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    public void A_plan_has_3_to_15_sessions(int plannedSessions) =>
        Given.Patient(Registered, EligibleScreening)
            .When(Create(FacePlan(plannedSessions)))
            .ThenRefuses(RefusalCodes.InvalidPlan);

    [Theory]
    [InlineData(3)]
    [InlineData(15)]
    public void The_bounds_of_planned_sessions_are_accepted_where_the_protocol_sets_no_count(int plannedSessions) =>
        Given.Patient(Registered, EligibleScreening)
            .When(Create(FacePlan(plannedSessions) with { Indication = Indication.MusculoskeletalPain }))
            .ThenEmitsSingle<TreatmentPlanCreated>().Details.PlannedSessions.ShouldBe(plannedSessions);

    [Fact]
    public void The_interval_is_never_under_7_days() =>
        Given.Patient(Registered, EligibleScreening)
            .When(Create(FacePlan(intervalDays: 6)))
            .ThenRefuses(RefusalCodes.InvalidPlan);

    [Fact]
    public void The_interval_is_never_under_the_clinic_minimum() =>
        Given.Patient(Registered, EligibleScreening)
            .When(Create(FacePlan(intervalDays: 9), policy: new ClinicPolicy(MinimumIntervalDays: 10)))
            .ThenRefuses(RefusalCodes.InvalidPlan);

    [Fact]
    public void A_plan_names_at_least_one_area() =>
        Given.Patient(Registered, EligibleScreening)
            .When(Create(FacePlan() with { Areas = [] }))
            .ThenRefuses(RefusalCodes.InvalidPlan);

    [Fact]
    public void An_unknown_indication_is_refused() =>
        Given.Patient(Registered, EligibleScreening)
            .When(Create(FacePlan() with { Indication = (Indication)0 }))
            .ThenRefuses(RefusalCodes.InvalidPlan);

    [Fact]
    public void A_patient_never_screened_is_not_eligible() =>
        Given.Patient(Registered)
            .When(Create())
            .ThenRefuses(RefusalCodes.NotEligible);

    [Fact]
    public void An_ineligible_patient_gets_no_plan() =>
        Given.Patient(Registered, Screened(new ScreeningAssessment(ScreeningOutcome.Ineligible, [ScreeningReasons.Pregnant], null, On(8, 28))))
            .When(Create())
            .ThenRefuses(RefusalCodes.NotEligible);

    [Fact]
    public void An_expired_screening_does_not_count() =>
        Given.Patient(Registered, EligibleScreening)
            .When(Create(createdOn: On(8, 29)))
            .ThenRefuses(RefusalCodes.ScreeningExpired);

    [Fact]
    public void A_deferred_patient_gets_a_plan_from_the_deferral_date_on()
    {
        var deferred = Screened(new ScreeningAssessment(ScreeningOutcome.Deferred, [ScreeningReasons.RecentNsaid], On(3, 6), On(8, 28)));

        Given.Patient(Registered, deferred).When(Create(createdOn: On(3, 5))).ThenRefuses(RefusalCodes.Deferred);
        Given.Patient(Registered, deferred).When(Create(createdOn: On(3, 6))).ThenEmitsSingle<TreatmentPlanCreated>();
    }

    [Fact]
    public void Only_one_plan_is_active_at_a_time() =>
        Given.Patient(Registered, EligibleScreening, PlanCreated())
            .When(Create(planId: Guid.NewGuid()))
            .ThenRefuses(RefusalCodes.PlanActive);

    [Fact]
    public void A_new_plan_may_follow_a_stopped_one() =>
        Given.Patient(Registered, EligibleScreening, PlanCreated(),
                new TreatmentPlanStopped(PatientId, PlanId, At(3, 2), "Patient moved abroad", null))
            .When(Create(planId: Guid.NewGuid()))
            .ThenEmitsSingle<TreatmentPlanCreated>();

    [Fact]
    public void A_new_plan_may_follow_a_completed_one()
    {
        Guid[] sessions = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        Given.Patient([
                .. ReadyForSession(FacePlan(plannedSessions: 3)),
                Scheduled(sessions[0], At(3, 3)), Performed(sessions[0], At(3, 3)),
                Scheduled(sessions[1], At(3, 10)), Performed(sessions[1], At(3, 10)),
                Scheduled(sessions[2], At(3, 17)), Performed(sessions[2], At(3, 17)),
            ])
            .When(Create(createdOn: On(3, 20), planId: Guid.NewGuid()))
            .ThenEmitsSingle<TreatmentPlanCreated>();
    }

    [Fact]
    public void No_plan_is_created_while_a_serious_side_effect_awaits_review() =>
        Given.Patient(Registered, EligibleScreening, Reported(Infection()))
            .When(Create())
            .ThenRefuses(RefusalCodes.PlanSuspended);

    [Fact]
    public void A_plan_id_is_used_once() =>
        Given.Patient(Registered, EligibleScreening, PlanCreated(),
                new TreatmentPlanStopped(PatientId, PlanId, At(3, 2), "Patient moved abroad", null))
            .When(Create())
            .ThenRefuses(RefusalCodes.DuplicateId);

    [Fact]
    public void A_clinician_may_stop_a_plan_with_a_reason() =>
        Given.Patient(ReadyForSession())
            .When(new StopTreatmentPlan(PatientId, PlanId, At(3, 5), "Patient chose to end treatment"))
            .ThenEmits(new TreatmentPlanStopped(PatientId, PlanId, At(3, 5), "Patient chose to end treatment", null));

    [Fact]
    public void Stopping_a_plan_needs_a_reason() =>
        Given.Patient(ReadyForSession())
            .When(new StopTreatmentPlan(PatientId, PlanId, At(3, 5), ""))
            .ThenRefuses(RefusalCodes.ReasonRequired);

    [Fact]
    public void Stopping_an_unknown_plan_is_refused() =>
        Given.Patient(Registered)
            .When(new StopTreatmentPlan(PatientId, PlanId, At(3, 5), "Patient chose to end treatment"))
            .ThenRefuses(RefusalCodes.PlanNotFound);

    [Fact]
    public void A_plan_is_stopped_once() =>
        Given.Patient([.. ReadyForSession(), new TreatmentPlanStopped(PatientId, PlanId, At(3, 2), "Moved abroad", null)])
            .When(new StopTreatmentPlan(PatientId, PlanId, At(3, 5), "Again"))
            .ThenRefuses(RefusalCodes.TreatmentStopped);

    [Fact]
    public void A_stopped_plan_is_no_longer_active() =>
        Given.Patient([.. ReadyForSession(), new TreatmentPlanStopped(PatientId, PlanId, At(3, 2), "Moved abroad", null)])
            .State.ActivePlan.ShouldBeNull();

    [Fact]
    public void A_mild_side_effect_does_not_suspend_treatment() =>
        Given.Patient([.. ReadyForSession(), Reported(Bruising())]).State.IsTreatmentSuspended.ShouldBeFalse();
}
