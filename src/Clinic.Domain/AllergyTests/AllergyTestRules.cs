using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;

namespace Clinic.Domain.AllergyTests;

internal static class AllergyTestRules
{
    /// <summary>A test dose is applied 24 hours before treatment (primer 002).</summary>
    public static readonly TimeSpan WaitAfterTestDose = TimeSpan.FromHours(24);

    public static Refusal NotFound(Guid testId) => Check.NotFound(RefusalCodes.AllergyTestNotFound, "Allergy test", testId);

    public static Refusal? ValidateApplication(IReadOnlyList<string> substances, DateTimeOffset appliedAt, DateTimeOffset now) =>
        Check.InCalendar(appliedAt, "The time the test dose was applied")
        ?? Check.NotInFuture(appliedAt, now, "The time the test dose was applied")
        ?? Check.That(substances.Count > 0, RefusalCodes.InvalidAllergyTest, "An allergy test must name the substances tested.")
        ?? Check.That(substances.All(substance => !string.IsNullOrWhiteSpace(substance)), RefusalCodes.InvalidAllergyTest,
            "A tested substance cannot be blank.");

    /// <summary>
    /// The test dose is the patient's first injection: it needs what treatment needs before it, a current eligible
    /// screening on the dose's date (primer 2) and the patient's consent signed by then (primer 3). Nobody is given a
    /// test dose of what they declared an allergy to: the declaration already bars it.
    /// </summary>
    public static Refusal? CheckPatientReadyForDose(PatientState state, IReadOnlyList<string> substances, DateTimeOffset appliedAt) =>
        ScreeningRules.CheckEligibleOn(state, appliedAt.CalendarDate())
        ?? ConsentRules.CheckSignedBy(state, appliedAt)
        ?? CheckNoneDeclared(state.DeclaredAllergiesOn(appliedAt.CalendarDate()), substances);

    private static Refusal? CheckNoneDeclared(IReadOnlyList<string> declaredAllergies, IReadOnlyList<string> substances) =>
        substances.FirstOrDefault(declaredAllergies.HasSubstance) is { } allergen
            ? new Refusal(RefusalCodes.DeclaredAllergy, $"The test dose contains {allergen}, which the patient declared an allergy to at screening.")
            : null;

    /// <summary>
    /// A reading of no reaction proves something only a full day after the dose, when a reaction has had time to
    /// show (primer 002), and only within the reading window: later it proves nothing, and a new test is needed. A
    /// reaction is recorded whenever it is read, since refusing it would lose what bars a substance.
    /// </summary>
    public static Refusal? ValidateReading(AllergyTest test, AllergyReading reading, ClinicPolicy policy, DateTimeOffset now) =>
        Check.NotInFuture(reading.ReadAt, now, "The time the test was read")
        ?? Check.That(reading.ReadAt > test.AppliedAt, RefusalCodes.InvalidAllergyReading,
            $"A reading must come after the test dose was applied ({test.AppliedAt:O}).")
        ?? Check.That(reading.Reaction || reading.ReactedSubstances.Count == 0, RefusalCodes.InvalidAllergyReading,
            "Reacted substances can only be listed when there was a reaction.")
        ?? CheckTested(test, reading.ReactedSubstances)
        ?? Check.That(reading.Reaction || reading.ReadAt >= test.ReadingDueAt, RefusalCodes.AllergyReadingTooEarly,
            $"Allergy test {test.TestId} can be read as showing no reaction from {test.ReadingDueAt:O}, 24 hours after the dose.")
        ?? Check.That(reading.Reaction || reading.ReadAt <= test.ReadableUntil(policy), RefusalCodes.AllergyReadingTooLate,
            $"Allergy test {test.TestId} had to be read by {test.ReadableUntil(policy):O} ({policy.AllergyReadingWindowDays} days "
            + "after the dose); apply a new test.");

    /// <summary>
    /// No session at <paramref name="at"/> before every test is read by then and a day has passed since its dose
    /// (primer 000, 002), nor while no substance is cleared for the patient then. A test that lapsed unread is left
    /// aside: it can no longer be read clean, so it would otherwise block the patient for good; the patient needs
    /// another test instead. Which substances a session may use is checked when it is performed.
    /// </summary>
    public static Refusal? CheckReadyFor(PatientState state, DateTimeOffset at, ClinicPolicy policy)
    {
        var tests = state.AllergyTests.Where(test => !test.HasLapsedBy(at, policy)).ToList();
        if (tests.Count == 0)
            return new Refusal(RefusalCodes.AllergyTestMissing, state.AllergyTests.Count == 0
                ? "The patient has had no allergy test."
                : "Every allergy test of the patient lapsed unread; a new test is needed.");
        if (tests.FirstOrDefault(test => !test.IsReadBy(at)) is { } unread)
            return new Refusal(RefusalCodes.AllergyTestPending, $"Allergy test {unread.TestId} was not read by {at:O}.");
        if (tests.FirstOrDefault(test => at < test.ReadingDueAt) is { } recent)
            return new Refusal(RefusalCodes.AllergyTestPending,
                $"A session must start at least 24 hours after the test dose of allergy test {recent.TestId} ({recent.AppliedAt:O}).");
        return Check.That(state.SubstancesClearedAt(at, policy).Count > 0, RefusalCodes.NoClearedSubstance,
            $"No substance is cleared for the patient at {at:O}: every tested one reacted, was declared an allergy, or its clean "
            + $"test is over {policy.AllergyTestValidityMonths} months old; a new test is needed.");
    }

    /// <summary>
    /// Every substance injected at <paramref name="at"/> was cleared for the patient (primer 4): none declared an
    /// allergy at a screening by then, none that reacted in any test, and each cleared then by a test read with no
    /// reaction to it (<see cref="AllergyTest.Clears"/>).
    /// </summary>
    public static Refusal? CheckSubstancesCleared(
        PatientState state, IReadOnlyList<(string Product, string Substance)> substancesUsed, DateTimeOffset at, ClinicPolicy policy)
    {
        var declared = state.DeclaredAllergiesOn(at.CalendarDate());
        var reacted = state.ReactedSubstances;
        var cleared = state.SubstancesClearedAt(at, policy);
        return FirstUsed(substancesUsed, substance => declared.HasSubstance(substance), RefusalCodes.DeclaredAllergy,
                   "which the patient declared an allergy to at screening")
               ?? FirstUsed(substancesUsed, substance => reacted.HasSubstance(substance), RefusalCodes.AllergyReaction,
                   "which reacted in the patient's allergy test")
               ?? FirstUsed(substancesUsed, substance => !cleared.HasSubstance(substance), RefusalCodes.SubstanceNotTested,
                   $"which no allergy test clears at {at:O} (tested, read with no reaction at least 24 hours after the dose, "
                   + $"and at most {policy.AllergyTestValidityMonths} months ago)");
    }

    private static Refusal? FirstUsed(
        IReadOnlyList<(string Product, string Substance)> substancesUsed, Func<string, bool> barred, string code, string why) =>
        substancesUsed.Where(used => barred(used.Substance))
            .Select(used => new Refusal(code, $"{used.Product} contains {used.Substance}, {why}."))
            .FirstOrDefault();

    private static Refusal? CheckTested(AllergyTest test, IReadOnlyList<string> reactedSubstances) =>
        reactedSubstances.FirstOrDefault(substance => !test.Substances.HasSubstance(substance)) is { } untested
            ? new Refusal(RefusalCodes.InvalidAllergyReading, $"'{untested}' was not tested in allergy test {test.TestId}.")
            : null;
}
