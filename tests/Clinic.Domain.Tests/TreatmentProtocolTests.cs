using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>Plans follow their indication's protocol unless a clinician deviates with a reason (issue 13, item 4).</summary>
public class TreatmentProtocolTests
{
    private static readonly Guid OtherPlanId = Guid.Parse("b1000000-0000-0000-0000-000000000002");

    private static readonly ProtocolDeviation ClinicianDeviation = new("Patient travels every other week", ClinicianId);

    private static CreateTreatmentPlan Create(PlanDetails details) => new(PatientId, PlanId, On(3, 1), details, Policy);

    private static PlanDetails HairPlan(int plannedSessions = 10, int intervalDays = 14) =>
        new(Indication.HairLoss, [TreatmentArea.Scalp], Technique.PointByPoint, plannedSessions, intervalDays);

    /// <summary>Two initial sessions a week apart, then three every 15 days.</summary>
    private static PlanDetails PhasedPlan() => FacePlan(plannedSessions: 6) with { Later = new PlanPhase(4, 15) };

    private static PatientScenario Eligible() => Given.Patient(Registered, EligibleScreening);

    [Theory]
    [InlineData(6)]
    [InlineData(10)]
    public void A_face_or_body_plan_has_6_to_10_sessions(int plannedSessions) =>
        Eligible().When(Create(FacePlan(plannedSessions))).ThenAccepts();

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    public void A_face_or_body_plan_outside_6_to_10_sessions_is_off_protocol(int plannedSessions) =>
        Eligible().When(Create(FacePlan(plannedSessions))).ThenRefuses(RefusalCodes.OffProtocol);

    [Theory]
    [InlineData(7)]
    [InlineData(10)]
    public void The_first_sessions_are_7_to_10_days_apart(int intervalDays) =>
        Eligible().When(Create(FacePlan(intervalDays: intervalDays))).ThenAccepts();

    [Theory]
    [InlineData(11)]
    [InlineData(14)]
    [InlineData(15)]
    public void A_face_plan_with_first_sessions_over_10_days_apart_is_off_protocol(int intervalDays) =>
        Eligible().When(Create(FacePlan(intervalDays: intervalDays))).ThenRefuses(RefusalCodes.OffProtocol);

    [Fact]
    public void Hair_loss_is_10_sessions_every_2_weeks() =>
        Eligible().When(Create(HairPlan(plannedSessions: 10, intervalDays: 14))).ThenAccepts();

    [Fact]
    public void Hair_loss_with_9_sessions_is_off_protocol() =>
        Eligible().When(Create(HairPlan(plannedSessions: 9))).ThenRefuses(RefusalCodes.OffProtocol);

    [Theory]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(15)]
    public void Hair_loss_with_first_sessions_other_than_2_weeks_apart_needs_a_reason(int intervalDays) =>
        Eligible().When(Create(HairPlan(intervalDays: intervalDays))).ThenRefuses(RefusalCodes.OffProtocol);

    private static PlanDetails MigrainePlan(int plannedSessions, PlanPhase later, PlanPhase? maintenance = null) =>
        new(Indication.Migraine, [TreatmentArea.Neck], Technique.PointByPoint, plannedSessions, 7) { Later = later, Maintenance = maintenance };

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(16, false)]
    public void A_later_phase_leaves_the_initial_phase_at_least_one_of_the_planned_sessions(int laterSessions, bool accepted) =>
        Eligible().When(Create(MigrainePlan(10, new PlanPhase(laterSessions, 15)))).ThenAcceptsOrRefuses(accepted, RefusalCodes.InvalidPlan);

    [Fact]
    public void Phases_too_large_to_count_are_refused() =>
        Eligible()
            .When(Create(MigrainePlan(10, new PlanPhase(int.MaxValue, 15), new PlanPhase(int.MaxValue, 182))))
            .ThenRefuses(RefusalCodes.InvalidPlan);

    [Fact]
    public void A_clinician_deviates_from_the_protocol_with_a_reason_and_the_deviation_is_recorded() =>
        Eligible()
            .When(Create(FacePlan(intervalDays: 15) with { Deviation = ClinicianDeviation }))
            .ThenEmitsSingle<TreatmentPlanCreated>().Details.Deviation.ShouldBe(ClinicianDeviation);

    [Fact]
    public void A_deviation_needs_a_clinician() =>
        Eligible()
            .When(Create(FacePlan(intervalDays: 15) with { Deviation = ClinicianDeviation with { ClinicianId = null } }))
            .ThenRefuses(RefusalCodes.ClinicianRequired);

    [Fact]
    public void A_deviation_needs_a_reason() =>
        Eligible()
            .When(Create(FacePlan(intervalDays: 15) with { Deviation = ClinicianDeviation with { Reason = " " } }))
            .ThenRefuses(RefusalCodes.ReasonRequired);

    [Fact]
    public void A_deviation_never_lifts_the_hard_bounds() =>
        Eligible()
            .When(Create(FacePlan(plannedSessions: 16) with { Deviation = ClinicianDeviation }))
            .ThenRefuses(RefusalCodes.InvalidPlan);

    [Theory]
    [InlineData(15)]
    [InlineData(31)]
    public void Later_sessions_are_every_15_days_or_monthly(int intervalDays) =>
        Eligible().When(Create(FacePlan(plannedSessions: 8) with { Later = new PlanPhase(2, intervalDays) })).ThenAccepts();

    [Theory]
    [InlineData(14)]
    [InlineData(32)]
    public void Later_sessions_outside_15_to_31_days_are_off_protocol(int intervalDays) =>
        Eligible()
            .When(Create(FacePlan(plannedSessions: 8) with { Later = new PlanPhase(2, intervalDays) }))
            .ThenRefuses(RefusalCodes.OffProtocol);

    [Fact]
    public void Maintenance_is_once_or_twice_a_year_and_not_counted_in_the_course() =>
        Eligible()
            .When(Create(FacePlan(plannedSessions: 12) with { Maintenance = new PlanPhase(2, 182) }))
            .ThenAccepts();

    [Fact]
    public void Maintenance_more_often_than_twice_a_year_is_off_protocol() =>
        Eligible()
            .When(Create(FacePlan(plannedSessions: 8) with { Maintenance = new PlanPhase(2, 181) }))
            .ThenRefuses(RefusalCodes.OffProtocol);

    [Fact]
    public void Maintenance_beyond_a_year_is_refused_even_with_a_deviation() =>
        Eligible()
            .When(Create(FacePlan(plannedSessions: 8) with { Maintenance = new PlanPhase(1, 366), Deviation = ClinicianDeviation }))
            .ThenRefuses(RefusalCodes.InvalidPlan);

    [Fact]
    public void The_phases_leave_at_least_one_initial_session() =>
        Eligible()
            .When(Create(FacePlan(plannedSessions: 6) with { Later = new PlanPhase(6, 15), Deviation = ClinicianDeviation }))
            .ThenRefuses(RefusalCodes.InvalidPlan);

    [Fact]
    public void A_corrected_plan_follows_the_protocol_too() =>
        Given.Patient(Registered, EligibleScreening, PlanCreated())
            .When(new CorrectTreatmentPlan(PatientId, CorrectedEventId, "Typo", PlanId, FacePlan(intervalDays: 21), Policy))
            .ThenRefuses(RefusalCodes.OffProtocol);

    private static PatientScenario PhasedWithTwoSessions(params IDomainEvent[] extra) =>
        Given.Patient([
            .. ReadyForSession(PhasedPlan()), Scheduled(SecondSessionId, At(3, 3)), Performed(SecondSessionId, At(3, 3)),
            Scheduled(ThirdSessionId, At(3, 10)), .. extra]);

    private static readonly Guid ThirdSessionId = Guid.Parse("5e000000-0000-0000-0000-000000000003");

    [Fact]
    public void A_session_in_the_later_phase_keeps_that_phase_interval()
    {
        PhasedWithTwoSessions().AndPractitioner(PractitionerRegistered()).When(Schedule(At(3, 24))).ThenRefuses(RefusalCodes.IntervalTooShort);
        PhasedWithTwoSessions().AndPractitioner(PractitionerRegistered()).When(Schedule(At(3, 25))).ThenAccepts();
    }

    [Fact]
    public void A_session_of_the_initial_phase_keeps_the_initial_interval() =>
        Given.Patient([.. ReadyForSession(PhasedPlan()), Scheduled(SecondSessionId, At(3, 3))])
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 10)))
            .ThenAccepts();

    [Fact]
    public void A_session_moved_into_the_later_phase_keeps_that_phase_interval() =>
        PhasedWithTwoSessions(Scheduled(SessionId, At(3, 25)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 25)))
            .When(new RescheduleSession(PatientId, SessionId, At(3, 24), "Patient asked", IntervalOverride: null, Policy, BookedAt))
            .ThenRefuses(RefusalCodes.IntervalTooShort);

    [Fact]
    public void A_session_performed_in_the_later_phase_keeps_that_phase_interval() =>
        PhasedWithTwoSessions(Performed(ThirdSessionId, At(3, 10)), Scheduled(SessionId, At(3, 24)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 24)))
            .When(new RecordSessionPerformed(PatientId, SessionId, At(3, 24, 10, 5), Treatment(), Policy, At(3, 24, 11), ByPractitioner))
            .ThenRefuses(RefusalCodes.IntervalTooShort);

    /// <summary>Plan one stopped after a session on 3 March; plan two created the next day.</summary>
    private static PatientScenario SecondPlanAfterASession(params IDomainEvent[] firstPlanSessions) =>
        Given.Patient([
            .. ReadyForSession(), .. firstPlanSessions,
            new TreatmentPlanStopped(PatientId, PlanId, At(3, 4), "Patient moves to another indication", null),
            new TreatmentPlanCreated(PatientId, OtherPlanId, On(3, 4), FacePlan())]);

    private static ScheduleSession ScheduleUnderSecondPlan(DateTimeOffset startsAt) => Schedule(startsAt) with { PlanId = OtherPlanId };

    [Fact]
    public void A_second_plan_session_6_days_after_another_plan_session_is_too_close() =>
        SecondPlanAfterASession(Scheduled(SecondSessionId, At(3, 3)), Performed(SecondSessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered())
            .When(ScheduleUnderSecondPlan(At(3, 9)))
            .ThenRefuses(RefusalCodes.IntervalTooShort);

    [Fact]
    public void A_second_plan_session_7_days_after_another_plan_session_is_accepted() =>
        SecondPlanAfterASession(Scheduled(SecondSessionId, At(3, 3)), Performed(SecondSessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered())
            .When(ScheduleUnderSecondPlan(At(3, 10)))
            .ThenAccepts();

    [Fact]
    public void A_clinician_s_interval_override_covers_the_other_plans_sessions_too() =>
        SecondPlanAfterASession(Scheduled(SecondSessionId, At(3, 3)), Performed(SecondSessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered())
            .When(ScheduleUnderSecondPlan(At(3, 9)) with { IntervalOverride = new IntervalOverride("Patient leaves the country", ClinicianId) })
            .ThenAccepts();

    [Fact]
    public void A_session_booked_under_a_stopped_plan_does_not_hold_the_next_plan_back() =>
        SecondPlanAfterASession(Scheduled(SecondSessionId, At(3, 6)))
            .AndPractitioner(PractitionerRegistered())
            .When(ScheduleUnderSecondPlan(At(3, 9)))
            .ThenAccepts();

    [Fact]
    public void The_next_allowed_date_counts_the_other_plans_sessions()
    {
        var state = SecondPlanAfterASession(Scheduled(SecondSessionId, At(3, 3)), Performed(SecondSessionId, At(3, 3))).State;

        state.ProgressOf(state.FindPlan(OtherPlanId)!, Policy).NextAllowedDate.ShouldBe(On(3, 10));
    }

    [Fact]
    public void The_next_session_interval_is_its_phase_interval()
    {
        var state = Given.Patient([.. ReadyForSession(PhasedPlan()), Scheduled(SecondSessionId, At(3, 3)), Scheduled(SessionId, At(3, 10))]).State;

        state.ProgressOf(state.FindPlan(PlanId)!, Policy).ShouldSatisfyAllConditions(
            progress => progress.MinimumIntervalDays.ShouldBe(15),
            progress => progress.NextAllowedDate.ShouldBe(On(3, 25)));
    }
}
