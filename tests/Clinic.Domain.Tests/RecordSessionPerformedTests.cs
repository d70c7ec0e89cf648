using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class RecordSessionPerformedTests
{
    private static BookingScenario Booked3March(params IDomainEvent[] extraPatientEvents) =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), .. extraPatientEvents])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)));

    private static RecordSessionPerformed Perform(PerformedTreatment? treatment = null, DateTimeOffset? performedAt = null) =>
        new(PatientId, SessionId, performedAt ?? At(3, 3, 10, 5), treatment ?? Treatment());

    [Fact]
    public void The_performed_record_keeps_products_lots_volumes_depth_and_aftercare()
    {
        var treatment = new PerformedTreatment(
            [new ProductUsed("NCTF 135", "LOT-2025-031", 3m, ["Hyaluronic acid", "Vitamin C"])],
            DepthMm: 1.5m, Technique.Nappage, [TreatmentArea.Face, TreatmentArea.Neck],
            AnestheticCream: true, DurationMinutes: 35, AftercareGiven: true, Notes: "Well tolerated.");

        Booked3March()
            .When(Perform(treatment))
            .ThenEmits(new SessionPerformed(PatientId, SessionId, PlanId, PractitionerId, At(3, 3, 10, 5), treatment), null);
    }

    [Fact]
    public void A_performed_session_counts_towards_the_plan()
    {
        var state = Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3, 10, 5))]).State;

        state.ProgressOf(state.FindPlan(PlanId)!, Policy).ShouldSatisfyAllConditions(
            progress => progress.SessionsPerformed.ShouldBe(1),
            progress => progress.SessionsScheduled.ShouldBe(0),
            progress => progress.NextAllowedDate.ShouldBe(On(3, 10)));
    }

    [Fact]
    public void A_session_is_performed_once() =>
        Booked3March(Performed(SessionId, At(3, 3))).When(Perform()).ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void A_cancelled_session_is_not_performed() =>
        Booked3March(new SessionCancelled(PatientId, SessionId, At(3, 2), "Patient unwell"))
            .When(Perform())
            .ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void A_missed_session_is_not_performed() =>
        Booked3March(new SessionMarkedNoShow(PatientId, SessionId, At(3, 3, 10, 30)))
            .When(Perform())
            .ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void An_unknown_session_is_not_performed() =>
        Booked3March().When(Perform() with { SessionId = Guid.NewGuid() }).ThenRefuses(RefusalCodes.SessionNotFound);

    [Theory]
    [InlineData("0.9")]
    [InlineData("4.1")]
    [InlineData("0")]
    public void The_injection_depth_is_1_to_4_mm(string depth) =>
        Booked3March()
            .When(Perform(Treatment() with { DepthMm = decimal.Parse(depth) }))
            .ThenRefuses(RefusalCodes.DepthOutOfRange);

    [Theory]
    [InlineData("1")]
    [InlineData("4")]
    public void The_depth_bounds_are_accepted(string depth) =>
        Booked3March().When(Perform(Treatment() with { DepthMm = decimal.Parse(depth) })).ThenAccepts();

    [Fact]
    public void Every_product_has_a_lot_number() =>
        Booked3March()
            .When(Perform(Treatment(Product(), Product(name: "Dermaheal HL", lot: " "))))
            .ThenRefuses(RefusalCodes.MissingLotNumber);

    [Theory]
    [InlineData("0")]
    [InlineData("-1.5")]
    public void Every_product_has_a_positive_volume(string volume) =>
        Booked3March()
            .When(Perform(Treatment(Product(volumeMl: decimal.Parse(volume)))))
            .ThenRefuses(RefusalCodes.InvalidVolume);

    [Fact]
    public void At_least_one_product_is_recorded() =>
        Booked3March().When(Perform(Treatment() with { Products = [] })).ThenRefuses(RefusalCodes.InvalidProduct);

    [Fact]
    public void Every_product_has_a_name() =>
        Booked3March().When(Perform(Treatment(Product(name: "")))).ThenRefuses(RefusalCodes.InvalidProduct);

    [Fact]
    public void At_least_one_treated_area_is_recorded() =>
        Booked3March().When(Perform(Treatment() with { Areas = [] })).ThenRefuses(RefusalCodes.InvalidTreatment);

    [Fact]
    public void The_recorded_duration_is_10_to_45_minutes() =>
        Booked3March().When(Perform(Treatment() with { DurationMinutes = 50 })).ThenRefuses(RefusalCodes.InvalidDuration);

    [Fact]
    public void A_substance_that_reacted_may_not_be_used_whatever_its_case() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, TestApplied, TestRead(reaction: true, "Lidocaine"), PlanCreated(),
                Scheduled(SessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform(Treatment(Product(), Product(name: "Numbing mix", substances: [" lidocaine"]))))
            .ThenRefuses(RefusalCodes.AllergyReaction);

    [Fact]
    public void A_reaction_with_no_listed_substance_bars_every_tested_substance() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, TestApplied, TestRead(reaction: true), PlanCreated(),
                Scheduled(SessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform(Treatment(Product(substances: ["VITAMIN C"]))))
            .ThenRefuses(RefusalCodes.AllergyReaction);

    [Fact]
    public void Substances_that_did_not_react_may_be_used() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, TestApplied, TestRead(reaction: true, "Lidocaine"), PlanCreated(),
                Scheduled(SessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform(Treatment(Product(substances: ["Hyaluronic acid", "Vitamin C"]))))
            .ThenAccepts();

    [Fact]
    public void The_licence_must_be_current_when_the_session_is_performed() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3))])
            .AndPractitioner(PractitionerRegistered(On(3, 2)), Booked(SessionId, At(3, 3)))
            .When(Perform())
            .ThenRefuses(RefusalCodes.LicenceExpired);

    [Fact]
    public void Consent_must_cover_the_areas_treated() =>
        Given.Patient(Registered, EligibleScreening, ConsentTo(ConsentScope.Face), TestApplied, TestRead(), PlanCreated(),
                Scheduled(SessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform(Treatment() with { Areas = [TreatmentArea.Face, TreatmentArea.Thighs] }))
            .ThenRefuses(RefusalCodes.ConsentMissing);

    [Fact]
    public void A_session_is_not_performed_while_treatment_is_suspended() =>
        Booked3March(Reported(Infection()))
            .When(Perform())
            .ThenRefuses(RefusalCodes.PlanSuspended);

    [Fact]
    public void A_session_of_a_stopped_plan_is_not_performed() =>
        Booked3March(new TreatmentPlanStopped(PatientId, PlanId, At(3, 2), "Patient chose to stop", null))
            .When(Perform())
            .ThenRefuses(RefusalCodes.TreatmentStopped);

    [Fact]
    public void The_screening_must_be_valid_when_the_session_is_performed() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(8, 28, 23, 40))])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(8, 28, 23, 40)))
            .When(Perform(performedAt: At(8, 29, 0, 10)))
            .ThenRefuses(RefusalCodes.ScreeningExpired);
}
