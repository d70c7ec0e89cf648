using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Screening;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class AllergyTestTests
{
    [Fact]
    public void Applying_a_test_dose_records_the_substances() =>
        Given.Patient(ScreenedAndConsented)
            .When(new RecordAllergyTest(PatientId, TestId, ["Hyaluronic acid", "Lidocaine"], At(3, 1), Now))
            .ThenEmits(new AllergyTestApplied(PatientId, TestId, ["Hyaluronic acid", "Lidocaine"], At(3, 1)));

    [Fact]
    public void A_test_dose_needs_a_screening_on_its_date() =>
        Given.Patient(Registered, FullConsent)
            .When(new RecordAllergyTest(PatientId, TestId, ["Lidocaine"], At(3, 1), Now))
            .ThenRefuses(RefusalCodes.NotEligible);

    [Fact]
    public void A_pregnant_patient_is_given_no_test_dose() =>
        Given.Patient(Registered, Screened(new ScreeningAssessment(ScreeningOutcome.Ineligible, [ScreeningReasons.Pregnant], null, On(8, 28))),
                FullConsent)
            .When(new RecordAllergyTest(PatientId, TestId, ["Lidocaine"], At(3, 1), Now))
            .ThenRefuses(RefusalCodes.NotEligible);

    [Fact]
    public void A_test_dose_waits_for_a_deferral_to_end() =>
        Given.Patient(Registered, Screened(new ScreeningAssessment(ScreeningOutcome.Deferred, [ScreeningReasons.RecentNsaid], On(3, 5), On(8, 28))),
                FullConsent)
            .When(new RecordAllergyTest(PatientId, TestId, ["Lidocaine"], At(3, 4), Now))
            .ThenRefuses(RefusalCodes.Deferred);

    [Fact]
    public void A_test_dose_needs_a_current_screening() =>
        Given.Patient(ScreenedAndConsented)
            .When(new RecordAllergyTest(PatientId, TestId, ["Lidocaine"], At(8, 29), Now))
            .ThenRefuses(RefusalCodes.ScreeningExpired);

    [Theory]
    [InlineData(8, 59, false)]
    [InlineData(9, 0, true)]
    public void A_test_dose_needs_consent_signed_by_then(int hour, int minute, bool accepted) =>
        Given.Patient(ScreenedAndConsented)
            .When(new RecordAllergyTest(PatientId, TestId, ["Lidocaine"], At(3, 1, hour, minute), Now))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.ConsentMissing);

    [Fact]
    public void A_test_names_its_substances() =>
        Given.Patient(ScreenedAndConsented)
            .When(new RecordAllergyTest(PatientId, TestId, [], At(3, 1), Now))
            .ThenRefuses(RefusalCodes.InvalidAllergyTest);

    [Fact]
    public void A_tested_substance_cannot_be_blank() =>
        Given.Patient(ScreenedAndConsented)
            .When(new RecordAllergyTest(PatientId, TestId, ["Lidocaine", " "], At(3, 1), Now))
            .ThenRefuses(RefusalCodes.InvalidAllergyTest);

    [Fact]
    public void A_test_id_is_used_once() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(new RecordAllergyTest(PatientId, TestId, ["Lidocaine"], At(3, 1), Now))
            .ThenRefuses(RefusalCodes.DuplicateId);

    [Fact]
    public void Reading_a_test_records_the_reaction_and_the_substances_that_reacted() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Read(At(3, 3), reaction: true, "lidocaine", "Vitamin C"))
            .ThenEmits(new AllergyTestRead(PatientId, TestId, new AllergyReading(At(3, 3), true, ["lidocaine", "Vitamin C"], null)));

    [Fact]
    public void Reading_an_unknown_test_is_refused() =>
        Given.Patient(ScreenedAndConsented)
            .When(Read(At(3, 3)))
            .ThenRefuses(RefusalCodes.AllergyTestNotFound);

    [Fact]
    public void A_test_is_read_once() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead()])
            .When(Read(At(3, 3)))
            .ThenRefuses(RefusalCodes.AllergyTestAlreadyRead);

    [Fact]
    public void A_reading_comes_after_the_test_dose() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Read(TestApplied.AppliedAt))
            .ThenRefuses(RefusalCodes.InvalidAllergyReading);

    [Fact]
    public void Only_tested_substances_can_react() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Read(At(3, 2), reaction: true, "Collagenase"))
            .ThenRefuses(RefusalCodes.InvalidAllergyReading);

    [Fact]
    public void Reacted_substances_need_a_reaction() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Read(At(3, 2), reaction: false, "Lidocaine"))
            .ThenRefuses(RefusalCodes.InvalidAllergyReading);

    [Fact]
    public void The_reading_falls_due_a_day_after_the_test_dose() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(new FlagAllergyReadingDue(PatientId, TestId, At(3, 2, 10, 5)))
            .ThenEmits(new AllergyReadingFellDue(PatientId, TestId, At(3, 2), At(3, 2, 10, 5)));

    [Fact]
    public void A_reading_is_not_flagged_before_it_is_due() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(new FlagAllergyReadingDue(PatientId, TestId, At(3, 2, 9, 59)))
            .ThenRefuses(RefusalCodes.AllergyReadingNotDue);

    [Fact]
    public void A_read_test_is_not_flagged() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead()])
            .When(new FlagAllergyReadingDue(PatientId, TestId, At(3, 4)))
            .ThenRefuses(RefusalCodes.AllergyTestAlreadyRead);

    [Fact]
    public void A_due_reading_is_flagged_once() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, new AllergyReadingFellDue(PatientId, TestId, At(3, 2), At(3, 2, 10, 5))])
            .When(new FlagAllergyReadingDue(PatientId, TestId, At(3, 3)))
            .ThenRefuses(RefusalCodes.AllergyReadingAlreadyFlagged);

    [Fact]
    public void Flagging_an_unknown_test_is_refused() =>
        Given.Patient(ScreenedAndConsented)
            .When(new FlagAllergyReadingDue(PatientId, TestId, At(3, 3)))
            .ThenRefuses(RefusalCodes.AllergyTestNotFound);

    [Fact]
    public void An_unread_test_is_pending_and_shows_when_its_reading_is_due()
    {
        var state = Given.Patient([.. ScreenedAndConsented, TestApplied, new AllergyReadingFellDue(PatientId, TestId, At(3, 2), At(3, 2, 10, 5))]).State;

        state.HasAllergyTestPending.ShouldBeTrue();
        state.AllergyTests.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            test => test.ReadingDueAt.ShouldBe(At(3, 2)),
            test => test.ReadingFlaggedDue.ShouldBeTrue());
    }

    [Fact]
    public void The_substances_listed_in_a_reaction_are_the_ones_that_reacted()
    {
        var state = Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead(reaction: true, "Lidocaine")]).State;

        state.HasAllergyTestPending.ShouldBeFalse();
        state.ReactedSubstances.ShouldBe(["Lidocaine"]);
    }

    [Fact]
    public void A_reaction_listing_no_substance_means_every_tested_substance_reacted() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead(reaction: true)])
            .State.ReactedSubstances.ShouldBe(["Hyaluronic acid", "Vitamin C", "Lidocaine"]);

    [Theory]
    [InlineData(9, 59, false)]
    [InlineData(10, 0, true)]
    public void A_reading_of_no_reaction_comes_a_full_day_after_the_dose(int hour, int minute, bool accepted) =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Read(At(3, 2, hour, minute)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.AllergyReadingTooEarly);

    [Fact]
    public void A_reaction_is_recorded_as_soon_as_it_shows() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Read(At(3, 1, 10, 30), reaction: true, "Lidocaine"))
            .ThenEmitsSingle<AllergyTestRead>();

    [Fact]
    public void A_reading_of_no_reaction_comes_within_the_reading_window()
    {
        Given.Patient([.. ScreenedAndConsented, TestApplied]).When(Read(At(3, 5, 10))).ThenEmitsSingle<AllergyTestRead>();
        Given.Patient([.. ScreenedAndConsented, TestApplied]).When(Read(At(3, 5, 10, 1))).ThenRefuses(RefusalCodes.AllergyReadingTooLate);
    }

    [Fact]
    public void The_reading_window_is_the_clinics()
    {
        var readOn4March = Read(At(3, 4, 10, 1));

        Given.Patient([.. ScreenedAndConsented, TestApplied]).When(readOn4March).ThenEmitsSingle<AllergyTestRead>();
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(readOn4March with { Policy = Policy with { AllergyReadingWindowDays = 3 } })
            .ThenRefuses(RefusalCodes.AllergyReadingTooLate);
    }

    [Fact]
    public void A_reaction_is_recorded_however_late_it_is_read() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Read(At(3, 20), reaction: true, "Lidocaine"))
            .ThenEmitsSingle<AllergyTestRead>();
}
