using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>
/// Only substances an allergy test cleared are injected: tested, read with no reaction a full day after the dose,
/// not expired, and not declared an allergy. The sample test (1 March 10:00, read clean on 2 March 10:00) cleared
/// hyaluronic acid, vitamin C and lidocaine.
/// </summary>
public class SubstanceClearanceTests
{
    /// <summary>A clinic whose clean tests clear for one month: the sample test clears until 1 April 10:00.</summary>
    private static readonly ClinicPolicy OneMonthValidity = Policy with { AllergyTestValidityMonths = 1 };

    private static BookingScenario BookedOn(DateTimeOffset startsAt, params IDomainEvent[] patientEvents) =>
        Given.Patient([.. patientEvents, Scheduled(SessionId, startsAt)])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, startsAt));

    private static RecordSessionPerformed Perform(DateTimeOffset performedAt, ClinicPolicy? policy = null, params string[] substances) =>
        new(PatientId, SessionId, performedAt, Treatment(Product(substances: substances)), policy ?? Policy, RecordedAt: performedAt.AddMinutes(30), ByPractitioner);

    private static PatientScreened ScreenedDeclaring(params string[] allergies) =>
        EligibleScreening with { Answers = HealthyAnswers with { Allergies = allergies } };

    [Fact]
    public void A_substance_never_tested_is_not_injected() =>
        BookedOn(At(3, 3), ReadyForSession())
            .When(Perform(At(3, 3, 10, 5), substances: ["Hyaluronic acid", "Collagenase"]))
            .ThenRefuses(RefusalCodes.SubstanceNotTested);

    [Fact]
    public void Tested_substances_are_matched_whatever_their_case_and_spacing() =>
        BookedOn(At(3, 3), ReadyForSession())
            .When(Perform(At(3, 3, 10, 5), substances: ["  hyaluronic   ACID ", "vitamin c"]))
            .ThenAccepts();

    [Fact]
    public void A_substance_whose_test_lapsed_unread_is_not_injected() =>
        BookedOn(At(3, 6), [.. ReadyForSession(), new AllergyTestApplied(PatientId, SecondTestId, ["Collagenase"], At(3, 1))])
            .When(Perform(At(3, 6, 10, 5), substances: ["Collagenase"]))
            .ThenRefuses(RefusalCodes.SubstanceNotTested);

    [Fact]
    public void A_reaction_read_before_a_full_day_clears_none_of_the_other_substances() =>
        BookedOn(At(3, 3), [.. ReadyForSession(),
                new AllergyTestApplied(PatientId, SecondTestId, ["Collagenase", "Biotin"], At(3, 2, 9)),
                new AllergyTestRead(PatientId, SecondTestId, new AllergyReading(At(3, 2, 12), true, ["Collagenase"], null))])
            .When(Perform(At(3, 3, 10, 5), substances: ["Biotin"]))
            .ThenRefuses(RefusalCodes.SubstanceNotTested);

    [Fact]
    public void A_substance_declared_an_allergy_at_screening_is_not_injected_even_when_tested_clean() =>
        BookedOn(At(3, 3), [Registered, ScreenedDeclaring(" vitamin C"), FullConsent, TestApplied, TestRead(), PlanCreated()])
            .When(Perform(At(3, 3, 10, 5), substances: ["Hyaluronic acid", "Vitamin C"]))
            .ThenRefuses(RefusalCodes.DeclaredAllergy);

    [Theory]
    [InlineData("Hyaluronic acid", true)]
    [InlineData(" lidocaine", false)]
    public void No_test_dose_is_given_of_a_substance_declared_an_allergy(string substance, bool accepted) =>
        Given.Patient(Registered, ScreenedDeclaring("Lidocaine"), FullConsent)
            .When(new RecordAllergyTest(PatientId, TestId, ["Biotin", substance], At(3, 1), Now))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.DeclaredAllergy);

    [Fact]
    public void An_allergy_declared_at_any_screening_by_the_session_counts()
    {
        var laterScreening = ScreenedDeclaring("Lidocaine") with { ScreeningId = Guid.NewGuid(), ScreenedOn = On(3, 3) };

        BookedOn(At(3, 3), [.. ReadyForSession(), laterScreening])
            .When(Perform(At(3, 3, 10, 5), substances: ["Lidocaine"]))
            .ThenRefuses(RefusalCodes.DeclaredAllergy);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void A_clean_test_clears_its_substances_up_to_the_end_of_the_clinics_validity(int minutesAfterExpiry, bool accepted) =>
        BookedOn(At(4, 1), [.. ReadyForSession(), .. SecondTest(At(3, 20), false, "Biotin")])
            .When(Perform(At(4, 1, 10, minutesAfterExpiry), OneMonthValidity, "Hyaluronic acid"))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.SubstanceNotTested);

    [Fact]
    public void A_clean_test_clears_for_twelve_months_by_default()
    {
        var test = Given.Patient(ReadyForSession()).State.AllergyTests.ShouldHaveSingleItem();

        test.ClearsUntil(Policy).ShouldBe(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)));
        test.Clears("Vitamin C", test.ClearsUntil(Policy), Policy).ShouldBeTrue();
        test.Clears("Vitamin C", test.ClearsUntil(Policy).AddTicks(1), Policy).ShouldBeFalse();
    }

    [Fact]
    public void A_corrected_session_record_uses_only_cleared_substances_too() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3, 10, 5))])
            .When(new CorrectSessionRecord(PatientId, CorrectedEventId, "Second product left out", SessionId,
                Treatment(Product(), Product(name: "Enzyme mix", substances: ["Collagenase"])), Policy, ByPractitioner, PractitionerUserId))
            .ThenRefuses(RefusalCodes.SubstanceNotTested);

    [Fact]
    public void The_substances_cleared_leave_out_those_that_reacted_or_were_declared() =>
        Given.Patient([Registered, ScreenedDeclaring("Lidocaine"), FullConsent, TestApplied, TestRead(), .. SecondTest(At(3, 1), true, "Vitamin C")])
            .State.SubstancesClearedAt(At(3, 3), Policy).ShouldBe(["Hyaluronic acid"]);
}
