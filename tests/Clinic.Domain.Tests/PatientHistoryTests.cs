using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Screening;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>The state the API's patient history reads.</summary>
public class PatientHistoryTests
{
    [Fact]
    public void The_history_shows_identity_eligibility_consent_allergy_plan_suspension_and_deadlines()
    {
        var state = Given.Patient([
            .. ReadyForSession(),
            Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3, 10, 5)),
            Scheduled(SecondSessionId, At(3, 10)),
            Reported(Infection(SessionId)),
        ]).State;

        state.ShouldSatisfyAllConditions(
            () => state.PatientId.ShouldBe(PatientId),
            () => state.ClinicId.ShouldBe(ClinicId),
            () => state.Details.ShouldBe(MariaDetails),
            () => state.CurrentScreening!.Assessment.Outcome.ShouldBe(ScreeningOutcome.Eligible),
            () => state.CurrentScreening!.Assessment.ValidUntil.ShouldBe(On(8, 28)),
            () => state.ConsentScopes.ShouldBe([ConsentScope.Face, ConsentScope.Body, ConsentScope.Hair], ignoreOrder: true),
            () => state.HasAllergyTestPending.ShouldBeFalse(),
            () => state.ReactedSubstances.ShouldBeEmpty(),
            () => state.ActivePlan!.PlanId.ShouldBe(PlanId),
            () => state.ProgressOf(state.ActivePlan!, Policy).ShouldBe(new PlanProgress(PlanId, 6, 1, 1, 7, On(3, 17))),
            () => state.IsTreatmentSuspended.ShouldBeTrue(),
            () => state.OpenSideEffects.ShouldHaveSingleItem().ReportDueAt.ShouldBe(At(3, 25, 12)));
    }

    [Fact]
    public void A_plan_without_live_sessions_allows_any_date()
    {
        var state = Given.Patient(ReadyForSession()).State;

        state.ProgressOf(state.ActivePlan!, ClinicPolicy.Default).NextAllowedDate.ShouldBeNull();
    }

    [Fact]
    public void Evolve_ignores_events_of_other_streams()
    {
        var state = Given.Patient(ReadyForSession()).State;

        PatientDecider.Evolve(state, PractitionerRegistered()).ShouldBeSameAs(state);
        PractitionerDecider.Evolve(PractitionerDecider.Initial, Registered).ShouldBeSameAs(PractitionerDecider.Initial);
        ClinicDecider.Evolve(ClinicDecider.Initial, Registered).ShouldBeSameAs(ClinicDecider.Initial);
    }

    [Fact]
    public void Evolve_ignores_events_about_facts_it_does_not_know()
    {
        var state = Given.Patient(ReadyForSession()).State;
        IDomainEvent[] strays =
        [
            Performed(Guid.NewGuid(), At(3, 3)),
            new SideEffectResolved(PatientId, Guid.NewGuid(), At(3, 9), SideEffectOutcome.Recovered, null),
            new AllergyTestRead(PatientId, Guid.NewGuid(), TestRead().Reading),
            new TreatmentPlanStopped(PatientId, Guid.NewGuid(), At(3, 2), "Stray", null),
        ];

        var evolved = strays.Aggregate(state, PatientDecider.Evolve);

        evolved.Sessions.ShouldBeEmpty();
        evolved.SideEffects.ShouldBeEmpty();
        evolved.AllergyTests.ShouldBe(state.AllergyTests);
        evolved.Plans.ShouldBe(state.Plans);
    }
}
