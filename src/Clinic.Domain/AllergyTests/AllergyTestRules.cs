using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;

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
    /// A reading of no reaction after the reading window proves nothing and is refused (a new test is needed); a
    /// reaction is recorded whenever it is read, since refusing it would lose what bars a substance.
    /// </summary>
    public static Refusal? ValidateReading(AllergyTest test, AllergyReading reading, ClinicPolicy policy, DateTimeOffset now) =>
        Check.NotInFuture(reading.ReadAt, now, "The time the test was read")
        ?? Check.That(reading.ReadAt > test.AppliedAt, RefusalCodes.InvalidAllergyReading,
            $"A reading must come after the test dose was applied ({test.AppliedAt:O}).")
        ?? Check.That(reading.Reaction || reading.ReadAt <= test.ReadableUntil(policy), RefusalCodes.AllergyReadingTooLate,
            $"Allergy test {test.TestId} had to be read by {test.ReadableUntil(policy):O} ({policy.AllergyReadingWindowDays} days "
            + "after the dose); apply a new test.")
        ?? Check.That(reading.Reaction || reading.ReactedSubstances.Count == 0, RefusalCodes.InvalidAllergyReading,
            "Reacted substances can only be listed when there was a reaction.")
        ?? CheckTested(test, reading.ReactedSubstances);

    /// <summary>
    /// No session at <paramref name="at"/> before every test is read by then and a day has passed since its dose
    /// (primer 000, 002). A test that lapsed unread is left aside: it can no longer be read clean, so it would
    /// otherwise block the patient for good; the patient needs another test instead.
    /// A reaction does not block scheduling: it bars the substances that reacted (checked when performed).
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
        return null;
    }

    /// <summary>A substance that reacted may not be used in the patient's sessions (primer, allergy test).</summary>
    public static Refusal? CheckNoReaction(PatientState state, IEnumerable<(string Product, string Substance)> substancesUsed)
    {
        var reacted = state.ReactedSubstances;
        return substancesUsed
            .Where(used => reacted.Contains(used.Substance, SubstanceNameComparer.Instance))
            .Select(used => new Refusal(RefusalCodes.AllergyReaction,
                $"{used.Product} contains {used.Substance}, which reacted in the patient's allergy test."))
            .FirstOrDefault();
    }

    private static Refusal? CheckTested(AllergyTest test, IReadOnlyList<string> reactedSubstances) =>
        reactedSubstances.FirstOrDefault(substance => !test.Substances.Contains(substance, SubstanceNameComparer.Instance)) is { } untested
            ? new Refusal(RefusalCodes.InvalidAllergyReading, $"'{untested}' was not tested in allergy test {test.TestId}.")
            : null;
}
