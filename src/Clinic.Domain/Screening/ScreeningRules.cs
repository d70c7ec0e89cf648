using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Screening;

internal static class ScreeningRules
{
    public const int AdultAge = 18;

    /// <summary>NSAIDs and aspirin must be stopped at least a week before treatment (primer 001, 002).</summary>
    public const int NsaidWashoutDays = 7;

    public static Refusal? Validate(DateOnly screenedOn, ScreeningAnswers answers, ClinicPolicy policy, DateTimeOffset now) =>
        Check.InCalendar(screenedOn, "The screening date")
        ?? Check.NotInFuture(screenedOn, now, "The screening date")
        ?? Check.That(answers.LastNsaidDoseOn is null || answers.LastNsaidDoseOn <= screenedOn, RefusalCodes.InvalidScreening,
            "The last NSAID dose cannot be after the screening date.")
        ?? Check.That(answers.Allergies.All(allergy => !string.IsNullOrWhiteSpace(allergy)), RefusalCodes.InvalidScreening,
            "A declared allergy cannot be blank.")
        ?? CheckFindingDate(answers.PhysicalExaminationOn, screenedOn, policy, "The physical examination")
        ?? CheckFindingDate(answers.BloodUrineTestOn, screenedOn, policy, "The blood and urine test");

    public static DateOnly ValidUntil(DateOnly screenedOn, ClinicPolicy policy) =>
        screenedOn.AddDays(policy.ScreeningValidityDays);

    public static ScreeningAssessment Assess(DateOnly dateOfBirth, DateOnly screenedOn, ScreeningAnswers answers, DateOnly validUntil)
    {
        var contraindications = Contraindications(dateOfBirth, screenedOn, answers);
        var nsaidClearedOn = answers.LastNsaidDoseOn?.AddDays(NsaidWashoutDays);
        var recentNsaid = nsaidClearedOn > screenedOn;

        if (contraindications.Count > 0)
        {
            var reasons = recentNsaid ? [.. contraindications, ScreeningReasons.RecentNsaid] : contraindications;
            return new ScreeningAssessment(ScreeningOutcome.Ineligible, reasons, null, validUntil);
        }

        return recentNsaid
            ? new ScreeningAssessment(ScreeningOutcome.Deferred, [ScreeningReasons.RecentNsaid], nsaidClearedOn, validUntil)
            : new ScreeningAssessment(ScreeningOutcome.Eligible, [], null, validUntil);
    }

    /// <summary>
    /// Whether the screening current on <paramref name="date"/> lets the patient be treated that day: eligible, still
    /// valid, with the physical examination and the blood and urine test done (seed 002), and not deferred.
    /// </summary>
    public static Refusal? CheckEligibleOn(PatientState state, DateOnly date) =>
        state.ScreeningOn(date) is { } screening
            ? CheckAllowsTreatmentOn(screening, date)
            : new Refusal(RefusalCodes.NotEligible, $"The patient had not been screened by {date:yyyy-MM-dd}.");

    /// <summary>Why <paramref name="screening"/> does not let the patient be treated on <paramref name="date"/>; null when it does.</summary>
    public static Refusal? CheckAllowsTreatmentOn(ScreeningRecord screening, DateOnly date)
    {
        var assessment = screening.Assessment;
        if (assessment.Outcome == ScreeningOutcome.Ineligible)
            return new Refusal(RefusalCodes.NotEligible,
                $"The screening current on {date:yyyy-MM-dd} found the patient ineligible: {string.Join(", ", assessment.Reasons)}.");
        if (date > assessment.ValidUntil)
            return new Refusal(RefusalCodes.ScreeningExpired,
                $"The screening current on {date:yyyy-MM-dd} was valid only until {assessment.ValidUntil:yyyy-MM-dd}.");
        if (!screening.IsComplete)
            return new Refusal(RefusalCodes.ScreeningIncomplete,
                $"The screening current on {date:yyyy-MM-dd} does not record both the physical examination and the blood and urine "
                + "test: correct it with the dates they were done, or screen the patient again.");
        if (assessment.Outcome == ScreeningOutcome.Deferred && date < assessment.DeferredUntil)
            return new Refusal(RefusalCodes.Deferred,
                $"Treatment is deferred until {assessment.DeferredUntil:yyyy-MM-dd} ({string.Join(", ", assessment.Reasons)}).");
        return null;
    }

    /// <summary>
    /// An examination or test the diagnosis rests on comes before it (seed 002), and no longer before it than a screening
    /// stays valid (<see cref="ClinicPolicy.ScreeningValidityDays"/>): older findings would not have been current even on
    /// the screening date (choice).
    /// </summary>
    private static Refusal? CheckFindingDate(DateOnly? doneOn, DateOnly screenedOn, ClinicPolicy policy, string what) =>
        doneOn is not { } date ? null
        : Check.That(date <= screenedOn, RefusalCodes.InvalidScreening, $"{what} cannot be after the screening date.")
          ?? Check.That(date >= screenedOn.AddDays(-policy.ScreeningValidityDays), RefusalCodes.InvalidScreening,
              $"{what} was done more than {policy.ScreeningValidityDays} days before the screening: its findings are no longer current.");

    private static List<string> Contraindications(DateOnly dateOfBirth, DateOnly screenedOn, ScreeningAnswers answers)
    {
        (bool Applies, string Reason)[] checks =
        [
            (AgeOn(dateOfBirth, screenedOn) < AdultAge, ScreeningReasons.Under18),
            (answers.Pregnant, ScreeningReasons.Pregnant),
            (answers.Breastfeeding, ScreeningReasons.Breastfeeding),
            (answers.InsulinDependentDiabetes, ScreeningReasons.InsulinDependentDiabetes),
            (answers.CancerOnMultiDrugTherapy, ScreeningReasons.CancerMultiDrugTherapy),
            (answers.HeartDiseaseOnMultiDrugTherapy, ScreeningReasons.HeartDiseaseMultiDrugTherapy),
            (answers.StrokeHistory, ScreeningReasons.StrokeHistory),
            (answers.LiverDisorder, ScreeningReasons.LiverDisorder),
            (answers.KidneyDisorder, ScreeningReasons.KidneyDisorder),
        ];
        return checks.Where(check => check.Applies).Select(check => check.Reason).ToList();
    }

    private static int AgeOn(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        return date < dateOfBirth.AddYears(age) ? age - 1 : age;
    }
}
