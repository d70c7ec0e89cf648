using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>
/// Correcting a side effect's report. The infection was known on 10 March 12:00: a clinician must review it, and the
/// regulator must hear of it by 25 March 12:00.
/// </summary>
public class SideEffectCorrectionTests
{
    private const string Reason = "Graded again once the consultant saw the patient";

    private static readonly DateTimeOffset InfectionReportDue = At(3, 25, 12);

    private static PatientScenario AfterFirstSession(params IDomainEvent[] extra) =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3)), .. extra]);

    private static PatientScenario AfterInfection(params IDomainEvent[] extra) => AfterFirstSession([Reported(Infection(SessionId)), .. extra]);

    /// <summary>The infection corrected to a mild bruise by a clinician: still awaiting review, its clock still running.</summary>
    private static readonly SideEffectCorrected LoweredToBruising = Corrected(Bruising(SessionId), requiresReview: true, InfectionReportDue);

    private static CorrectSideEffect Correct(SideEffectDetails details, string? clinicianId = ClinicianId) =>
        new(PatientId, CorrectedEventId, Reason, SideEffectId, details, clinicianId, Policy, Now);

    private static SideEffectCorrected Corrected(
        SideEffectDetails details, bool requiresReview, DateTimeOffset? reportDueAt, string? clinicianId = ClinicianId) =>
        new(PatientId, CorrectedEventId, Reason, SideEffectId, details, requiresReview, reportDueAt, clinicianId);

    [Fact]
    public void Raising_a_side_effect_needs_review_and_starts_the_reporting_clock()
    {
        var raised = Bruising(SessionId) with { Severity = Severity.LifeThreatening, Serious = true, Seriousness = [Seriousness.LifeThreatening] };

        AfterFirstSession(Reported(Bruising(SessionId)))
            .When(Correct(raised, clinicianId: null))
            .ThenEmits(Corrected(raised, requiresReview: true, At(3, 11, 9), clinicianId: null));
    }

    [Fact]
    public void A_side_effect_raised_to_serious_suspends_treatment() =>
        AfterFirstSession(Reported(Bruising(SessionId)), Corrected(Infection(SessionId), requiresReview: true, InfectionReportDue))
            .State.IsTreatmentSuspended.ShouldBeTrue();

    [Fact]
    public void A_clinician_lowering_a_side_effect_keeps_its_review_and_its_reporting_clock() =>
        AfterInfection()
            .When(Correct(Bruising(SessionId)))
            .ThenEmits(LoweredToBruising);

    public static TheoryData<SideEffectDetails> Lowered => new()
    {
        Infection(SessionId) with { Severity = Severity.Moderate },
        Infection(SessionId) with { Seriousness = [Seriousness.Disability] },
        Infection(SessionId) with { Severity = Severity.Severe, Serious = false, Seriousness = [] },
        Bruising(SessionId),
    };

    [Theory]
    [MemberData(nameof(Lowered))]
    public void Only_a_clinician_lowers_the_severity_or_removes_a_seriousness_criterion(SideEffectDetails lowered)
    {
        AfterInfection().When(Correct(lowered, clinicianId: null)).ThenRefuses(RefusalCodes.ClinicianRequired);
        AfterInfection().When(Correct(lowered, clinicianId: " ")).ThenRefuses(RefusalCodes.ClinicianRequired);
        AfterInfection().When(Correct(lowered)).ThenAccepts();
    }

    public static TheoryData<SideEffectDetails> NotLowered => new()
    {
        Infection(SessionId) with { Description = "Nodules with discharge at two injection sites; admitted." },
        Infection(SessionId) with { Seriousness = [Seriousness.Hospitalisation, Seriousness.Disability] },
        Infection(SessionId) with { Severity = Severity.LifeThreatening, Seriousness = [Seriousness.Hospitalisation, Seriousness.LifeThreatening] },
    };

    [Theory]
    [MemberData(nameof(NotLowered))]
    public void Whoever_records_care_corrects_a_side_effect_without_lowering_it(SideEffectDetails corrected) =>
        AfterInfection().When(Correct(corrected, clinicianId: null)).ThenAccepts();

    [Fact]
    public void A_lowered_side_effect_keeps_treatment_suspended_until_a_clinician_reviews_it()
    {
        AfterInfection(LoweredToBruising).State.IsTreatmentSuspended.ShouldBeTrue();
        AfterInfection(LoweredToBruising).AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 13), sessionId: SecondSessionId))
            .ThenRefuses(RefusalCodes.PlanSuspended);

        var reviewed = new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.Resume, "Bruise only", ClinicianId, At(3, 12));
        AfterInfection(LoweredToBruising)
            .When(new ReviewSideEffect(PatientId, SideEffectId, ReviewDecision.Resume, "Bruise only", ClinicianId, At(3, 12)))
            .ThenEmits(reviewed);
        AfterInfection(LoweredToBruising, reviewed).AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 13), sessionId: SecondSessionId))
            .ThenAccepts();
    }

    [Fact]
    public void The_reporting_clock_of_a_lowered_side_effect_runs_on()
    {
        AfterInfection(LoweredToBruising)
            .When(new EscalateOverdueReport(PatientId, SideEffectId, InfectionReportDue.AddMinutes(1)))
            .ThenEmits(new SideEffectReportOverdue(PatientId, SideEffectId, InfectionReportDue, InfectionReportDue.AddMinutes(1)));
        AfterInfection(LoweredToBruising)
            .When(new RecordRegulatorNotification(PatientId, SideEffectId, At(3, 14), null, Now))
            .ThenAccepts();
    }

    [Fact]
    public void A_reported_in_error_review_closes_the_clock_of_a_lowered_side_effect()
    {
        var inError = new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.ReportedInError, "A bruise, not an infection", ClinicianId, At(3, 12));

        AfterInfection(LoweredToBruising, inError).State.SideEffects.ShouldHaveSingleItem().AwaitsRegulatorNotification.ShouldBeFalse();
        AfterInfection(LoweredToBruising, inError)
            .When(new EscalateOverdueReport(PatientId, SideEffectId, InfectionReportDue.AddMinutes(1)))
            .ThenRefuses(RefusalCodes.NotificationNotRequired);
    }

    [Fact]
    public void A_reviewed_side_effect_corrected_to_something_graver_awaits_a_new_review_and_suspends_treatment()
    {
        var resumed = new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.Resume, "Mild infection, treated", ClinicianId, At(3, 12));
        var fatal = Infection(SessionId) with { Severity = Severity.Fatal, Seriousness = [Seriousness.Hospitalisation, Seriousness.Death] };

        var raised = AfterInfection(resumed).When(Correct(fatal, clinicianId: null)).ThenEmitsSingle<SideEffectCorrected>();

        raised.ReopensReview.ShouldBeTrue();
        var state = AfterInfection(resumed, raised).State;
        state.IsTreatmentSuspended.ShouldBeTrue();
        state.SideEffects.ShouldHaveSingleItem().AwaitsReview.ShouldBeTrue();
        AfterInfection(resumed, raised)
            .When(new ReviewSideEffect(PatientId, SideEffectId, ReviewDecision.StopTreatment, "Fatal", ClinicianId, At(3, 13)))
            .ThenAccepts();
    }

    [Fact]
    public void A_side_effect_found_reported_in_error_then_corrected_to_something_graver_awaits_its_report_again()
    {
        var inError = new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.ReportedInError, "Not an infection", ClinicianId, At(3, 12));
        var fatal = Infection(SessionId) with { Severity = Severity.Fatal, Seriousness = [Seriousness.Hospitalisation, Seriousness.Death] };

        var raised = AfterInfection(inError).When(Correct(fatal, clinicianId: null)).ThenEmitsSingle<SideEffectCorrected>();

        AfterInfection(inError, raised).State.SideEffects.ShouldHaveSingleItem().AwaitsRegulatorNotification.ShouldBeTrue();
    }

    [Fact]
    public void A_correction_that_is_no_graver_keeps_the_review() =>
        AfterInfection(new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.Resume, "Treated", ClinicianId, At(3, 12)))
            .When(Correct(Infection(SessionId) with { Description = "Infection at the injection site, left cheek" }))
            .ThenEmitsSingle<SideEffectCorrected>().ReopensReview.ShouldBeFalse();

    [Fact]
    public void A_correction_never_pushes_the_deadline_back()
    {
        var fatal = Infection(SessionId) with { Severity = Severity.Fatal, Seriousness = [Seriousness.Death] };

        AfterFirstSession(Reported(fatal) with { ReportDueAt = At(3, 17, 12) })
            .When(Correct(Infection(SessionId)))
            .ThenEmitsSingle<SideEffectCorrected>().ReportDueAt.ShouldBe(At(3, 17, 12));
        AfterInfection()
            .When(Correct(Infection(SessionId) with { AwareAt = At(3, 12, 12) }))
            .ThenEmitsSingle<SideEffectCorrected>().ReportDueAt.ShouldBe(InfectionReportDue);
    }

    [Fact]
    public void A_correction_brings_the_deadline_forward() =>
        AfterInfection()
            .When(Correct(Infection(SessionId) with { AwareAt = At(3, 10, 9) }))
            .ThenEmitsSingle<SideEffectCorrected>().ReportDueAt.ShouldBe(At(3, 25, 9));

    [Fact]
    public void A_side_effect_corrected_to_fatal_is_serious_by_death() =>
        AfterInfection()
            .When(Correct(Infection(SessionId) with { Severity = Severity.Fatal }))
            .ThenRefuses(RefusalCodes.MissingSeriousnessCriterion);

    [Fact]
    public void Correcting_an_unknown_side_effect_is_refused() =>
        AfterFirstSession().When(Correct(Bruising())).ThenRefuses(RefusalCodes.SideEffectNotFound);

    [Fact]
    public void A_corrected_side_effect_follows_the_side_effect_rules() =>
        AfterFirstSession(Reported(Bruising(SessionId)))
            .When(Correct(Bruising(Guid.NewGuid())))
            .ThenRefuses(RefusalCodes.SessionNotFound);
}
