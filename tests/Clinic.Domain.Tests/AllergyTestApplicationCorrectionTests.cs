using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class AllergyTestApplicationCorrectionTests
{
    private const string Reason = "Substances copied from another patient's test";

    private static CorrectAllergyTestApplication Correct(DateTimeOffset? appliedAt = null, params string[] substances) =>
        new(PatientId, CorrectedEventId, Reason, TestId, substances.Length > 0 ? substances : TestedSubstances, appliedAt ?? At(3, 1), Policy, Now);

    private static AllergyTestApplicationCorrected Corrected(DateTimeOffset appliedAt, params string[] substances) =>
        new(PatientId, CorrectedEventId, Reason, TestId, substances, appliedAt, ReadingDueAt: null);

    [Fact]
    public void Correcting_a_read_test_replaces_its_substances_and_dose_time_with_nothing_left_to_time()
    {
        Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead()])
            .When(Correct(At(3, 1, 9, 30), "Hyaluronic acid", "Lidocaine"))
            .ThenEmits(Corrected(At(3, 1, 9, 30), "Hyaluronic acid", "Lidocaine"));

        var test = Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead(), Corrected(At(3, 1, 9, 30), "Hyaluronic acid", "Lidocaine")])
            .State.AllergyTests.ShouldHaveSingleItem();
        test.Substances.ShouldBe(["Hyaluronic acid", "Lidocaine"]);
        test.AppliedAt.ShouldBe(At(3, 1, 9, 30));
    }

    [Fact]
    public void The_reading_still_awaited_falls_due_a_day_after_the_corrected_dose() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Correct(At(3, 1, 14)))
            .ThenEmits(Corrected(At(3, 1, 14), [.. TestedSubstances]) with { ReadingDueAt = At(3, 2, 14) });

    [Fact]
    public void A_reading_already_flagged_due_is_not_timed_again() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, new AllergyReadingFellDue(PatientId, TestId, At(3, 2), At(3, 2))])
            .When(Correct(At(3, 1, 14)))
            .ThenEmitsSingle<AllergyTestApplicationCorrected>().ReadingDueAt.ShouldBeNull();

    [Fact]
    public void Correcting_an_unknown_test_is_refused() =>
        Given.Patient(ScreenedAndConsented)
            .When(Correct())
            .ThenRefuses(RefusalCodes.AllergyTestNotFound);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_corrected_test_still_names_every_substance(string substance) =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Correct(At(3, 1), "Hyaluronic acid", substance))
            .ThenRefuses(RefusalCodes.InvalidAllergyTest);

    [Fact]
    public void A_corrected_test_still_names_a_substance() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Correct() with { Substances = [] })
            .ThenRefuses(RefusalCodes.InvalidAllergyTest);

    [Fact]
    public void A_corrected_dose_time_stays_within_the_calendar() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Correct(DateTimeOffset.MaxValue))
            .ThenRefuses(RefusalCodes.DateOutOfRange);

    [Fact]
    public void A_corrected_dose_cannot_come_after_its_reading() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead()])
            .When(Correct(At(3, 2, 11)))
            .ThenRefuses(RefusalCodes.InvalidAllergyReading);

    [Fact]
    public void A_reading_of_no_reaction_must_still_fall_within_the_window_of_the_corrected_dose()
    {
        var readOn5MarchAt10 = new AllergyTestRead(PatientId, TestId, new AllergyReading(At(3, 5), false, [], null));

        Given.Patient([.. ScreenedAndConsented, TestApplied, readOn5MarchAt10])
            .When(Correct(At(3, 1, 9, 59)))
            .ThenRefuses(RefusalCodes.AllergyReadingTooLate);
    }

    [Fact]
    public void A_reading_of_no_reaction_must_still_come_a_full_day_after_the_corrected_dose()
    {
        var readOn2MarchAt10 = Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead()]);

        readOn2MarchAt10.When(Correct(At(3, 1, 10, 1))).ThenRefuses(RefusalCodes.AllergyReadingTooEarly);
        readOn2MarchAt10.When(Correct(At(3, 1, 9, 59))).ThenEmitsSingle<AllergyTestApplicationCorrected>();
    }

    [Fact]
    public void The_corrected_dose_still_needs_the_consent_signed_by_then() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Correct(At(3, 1, 8, 59)))
            .ThenRefuses(RefusalCodes.ConsentMissing);

    [Fact]
    public void The_corrected_dose_still_needs_an_eligible_screening_on_its_date() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied])
            .When(Correct(At(2, 28, 12)))
            .ThenRefuses(RefusalCodes.NotEligible);

    [Fact]
    public void A_substance_that_reacted_stays_among_the_tested_ones() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead(reaction: true, "Lidocaine")])
            .When(Correct(At(3, 1), "Hyaluronic acid", "Vitamin C"))
            .ThenRefuses(RefusalCodes.InvalidAllergyReading);

    [Fact]
    public void A_reaction_naming_no_substance_bars_the_corrected_substances() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead(reaction: true), Corrected(At(3, 1), "Hyaluronic acid", "Collagenase")])
            .State.ReactedSubstances.ShouldBe(["Hyaluronic acid", "Collagenase"]);

    [Fact]
    public void Sessions_wait_a_day_after_the_corrected_dose() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, Corrected(At(3, 2, 11), [.. TestedSubstances]),
                new AllergyTestRead(PatientId, TestId, new AllergyReading(At(3, 2, 12), false, [], null)), PlanCreated()])
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 3, 10)))
            .ThenRefuses(RefusalCodes.AllergyTestPending);
}
