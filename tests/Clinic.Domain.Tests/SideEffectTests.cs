using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class SideEffectTests
{
    private static PatientScenario AfterFirstSession(params IDomainEvent[] extra) =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3)), .. extra]);

    private static ReportSideEffect Report(SideEffectDetails details, ClinicPolicy? policy = null) =>
        new(PatientId, SideEffectId, details, ReportedBy.Patient, policy ?? Policy, Now);

    [Fact]
    public void A_mild_side_effect_is_recorded_without_review_or_reporting_clock() =>
        AfterFirstSession()
            .When(Report(Bruising(SessionId)))
            .ThenEmits(new SideEffectReported(PatientId, SideEffectId,
                new SideEffectDetails(SessionId, SideEffectKind.Bruising, Severity.Mild, false, [], At(3, 3, 18), At(3, 4, 9),
                    "Small bruises on the left cheek."),
                ReportedBy.Patient, RequiresReview: false, ReportDueAt: null));

    [Fact]
    public void A_serious_side_effect_needs_review_and_is_reported_within_15_days() =>
        AfterFirstSession()
            .When(Report(Infection(SessionId)))
            .ThenEmitsSingle<SideEffectReported>().ShouldSatisfyAllConditions(
                reported => reported.RequiresReview.ShouldBeTrue(),
                reported => reported.ReportDueAt.ShouldBe(At(3, 25, 12)));

    [Fact]
    public void A_severe_side_effect_that_is_not_serious_also_needs_review_and_reporting() =>
        AfterFirstSession()
            .When(Report(Bruising() with { Severity = Severity.Severe }))
            .ThenEmitsSingle<SideEffectReported>().ShouldSatisfyAllConditions(
                reported => reported.RequiresReview.ShouldBeTrue(),
                reported => reported.ReportDueAt.ShouldBe(At(3, 19, 9)));

    [Fact]
    public void A_moderate_side_effect_that_is_not_serious_needs_neither() =>
        AfterFirstSession()
            .When(Report(Bruising() with { Severity = Severity.Moderate }))
            .ThenEmitsSingle<SideEffectReported>().ReportDueAt.ShouldBeNull();

    public static TheoryData<Severity, Seriousness> FatalOrLifeThreatening => new()
    {
        { Severity.Fatal, Seriousness.Death },
        { Severity.LifeThreatening, Seriousness.LifeThreatening },
        { Severity.Severe, Seriousness.LifeThreatening },
        { Severity.Moderate, Seriousness.Death },
    };

    [Theory]
    [MemberData(nameof(FatalOrLifeThreatening))]
    public void A_fatal_or_life_threatening_side_effect_is_reported_within_7_days(Severity severity, Seriousness seriousness) =>
        AfterFirstSession()
            .When(Report(Infection() with { Severity = severity, Seriousness = [seriousness] }))
            .ThenEmitsSingle<SideEffectReported>().ReportDueAt.ShouldBe(At(3, 17, 12));

    public static TheoryData<Severity, Seriousness[]> SeveritiesWithoutTheirCriterion => new()
    {
        { Severity.Fatal, [] },
        { Severity.Fatal, [Seriousness.LifeThreatening, Seriousness.Hospitalisation] },
        { Severity.LifeThreatening, [] },
        { Severity.LifeThreatening, [Seriousness.Hospitalisation] },
        { Severity.LifeThreatening, [Seriousness.Death] },
    };

    [Theory]
    [MemberData(nameof(SeveritiesWithoutTheirCriterion))]
    public void A_fatal_or_life_threatening_side_effect_is_serious_with_its_criterion(Severity severity, Seriousness[] seriousness) =>
        AfterFirstSession()
            .When(Report(Infection() with { Severity = severity, Serious = seriousness.Length > 0, Seriousness = seriousness }))
            .ThenRefuses(RefusalCodes.MissingSeriousnessCriterion);

    public static TheoryData<Severity, Seriousness[]> SeveritiesWithTheirCriterion => new()
    {
        { Severity.Fatal, [Seriousness.Death] },
        { Severity.Fatal, [Seriousness.Hospitalisation, Seriousness.Death] },
        { Severity.LifeThreatening, [Seriousness.LifeThreatening] },
        { Severity.Severe, [] },
    };

    [Theory]
    [MemberData(nameof(SeveritiesWithTheirCriterion))]
    public void Below_life_threatening_no_criterion_is_required_and_above_it_the_criterion_suffices(Severity severity, Seriousness[] seriousness) =>
        AfterFirstSession()
            .When(Report(Infection() with { Severity = severity, Serious = seriousness.Length > 0, Seriousness = seriousness }))
            .ThenAccepts();

    [Fact]
    public void The_reporting_clock_follows_the_clinic_policy() =>
        AfterFirstSession()
            .When(Report(Infection(), new ClinicPolicy(SeriousReportingDays: 10, FatalOrLifeThreateningReportingDays: 3)))
            .ThenEmitsSingle<SideEffectReported>().ReportDueAt.ShouldBe(At(3, 20, 12));

    [Fact]
    public void The_session_named_must_exist() =>
        AfterFirstSession().When(Report(Bruising(Guid.NewGuid()))).ThenRefuses(RefusalCodes.SessionNotFound);

    [Fact]
    public void The_session_named_must_have_been_performed() =>
        AfterFirstSession(Scheduled(SecondSessionId, At(3, 10)))
            .When(Report(Bruising(SecondSessionId)))
            .ThenRefuses(RefusalCodes.SessionNotPerformed);

    [Fact]
    public void A_serious_side_effect_names_its_seriousness_criteria() =>
        AfterFirstSession().When(Report(Infection() with { Seriousness = [] })).ThenRefuses(RefusalCodes.InvalidSideEffect);

    [Fact]
    public void Seriousness_criteria_make_a_side_effect_serious() =>
        AfterFirstSession().When(Report(Bruising() with { Seriousness = [Seriousness.Disability] })).ThenRefuses(RefusalCodes.InvalidSideEffect);

    [Fact]
    public void Nobody_is_aware_of_a_side_effect_before_its_onset() =>
        AfterFirstSession().When(Report(Bruising() with { AwareAt = At(3, 3, 17) })).ThenRefuses(RefusalCodes.InvalidSideEffect);

    [Fact]
    public void A_side_effect_is_described() =>
        AfterFirstSession().When(Report(Bruising() with { Description = "" })).ThenRefuses(RefusalCodes.InvalidSideEffect);

    [Fact]
    public void An_unknown_severity_is_refused() =>
        AfterFirstSession().When(Report(Bruising() with { Severity = (Severity)9 })).ThenRefuses(RefusalCodes.InvalidSideEffect);

    [Fact]
    public void A_side_effect_id_is_used_once() =>
        AfterFirstSession(Reported(Bruising())).When(Report(Bruising())).ThenRefuses(RefusalCodes.DuplicateId);

    [Fact]
    public void Open_side_effects_show_their_reporting_deadlines()
    {
        var state = AfterFirstSession(Reported(Infection(SessionId)), Reported(Bruising(), Guid.NewGuid())).State;

        state.IsTreatmentSuspended.ShouldBeTrue();
        state.OpenSideEffects.Select(sideEffect => sideEffect.ReportDueAt).ShouldBe([At(3, 25, 12), null]);
    }

    [Fact]
    public void Resolving_records_the_outcome() =>
        AfterFirstSession(Reported(Bruising()))
            .When(new ResolveSideEffect(PatientId, SideEffectId, At(3, 9), SideEffectOutcome.Recovered, "Faded completely.", Now))
            .ThenEmits(new SideEffectResolved(PatientId, SideEffectId, At(3, 9), SideEffectOutcome.Recovered, "Faded completely."));

    [Fact]
    public void A_resolved_side_effect_is_no_longer_open() =>
        AfterFirstSession(Reported(Bruising()), new SideEffectResolved(PatientId, SideEffectId, At(3, 9), SideEffectOutcome.Recovered, null))
            .State.OpenSideEffects.ShouldBeEmpty();

    [Fact]
    public void A_side_effect_resolves_once() =>
        AfterFirstSession(Reported(Bruising()), new SideEffectResolved(PatientId, SideEffectId, At(3, 9), SideEffectOutcome.Recovered, null))
            .When(new ResolveSideEffect(PatientId, SideEffectId, At(3, 10), SideEffectOutcome.Recovered, null, Now))
            .ThenRefuses(RefusalCodes.SideEffectAlreadyResolved);

    [Fact]
    public void A_side_effect_does_not_resolve_before_its_onset() =>
        AfterFirstSession(Reported(Bruising()))
            .When(new ResolveSideEffect(PatientId, SideEffectId, At(3, 3, 12), SideEffectOutcome.Recovered, null, Now))
            .ThenRefuses(RefusalCodes.InvalidResolution);

    [Fact]
    public void Resolving_an_unknown_side_effect_is_refused() =>
        AfterFirstSession()
            .When(new ResolveSideEffect(PatientId, SideEffectId, At(3, 9), SideEffectOutcome.Recovered, null, Now))
            .ThenRefuses(RefusalCodes.SideEffectNotFound);
}
