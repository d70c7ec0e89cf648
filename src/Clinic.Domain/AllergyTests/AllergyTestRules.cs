using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.AllergyTests;

internal static class AllergyTestRules
{
    /// <summary>A test dose is applied 24 hours before treatment (primer 002).</summary>
    public static readonly TimeSpan WaitAfterTestDose = TimeSpan.FromHours(24);

    public static Refusal NotFound(Guid testId) => Check.NotFound(RefusalCodes.AllergyTestNotFound, "Allergy test", testId);

    public static Refusal? ValidateApplication(IReadOnlyList<string> substances, DateTimeOffset appliedAt) =>
        Check.InCalendar(appliedAt, "The time the test dose was applied")
        ?? Check.That(substances.Count > 0, RefusalCodes.InvalidAllergyTest, "An allergy test must name the substances tested.")
        ?? Check.That(substances.All(substance => !string.IsNullOrWhiteSpace(substance)), RefusalCodes.InvalidAllergyTest,
            "A tested substance cannot be blank.");

    public static Refusal? ValidateReading(AllergyTest test, AllergyReading reading) =>
        Check.That(reading.ReadAt > test.AppliedAt, RefusalCodes.InvalidAllergyReading,
            $"A reading must come after the test dose was applied ({test.AppliedAt:O}).")
        ?? Check.That(reading.Reaction || reading.ReactedSubstances.Count == 0, RefusalCodes.InvalidAllergyReading,
            "Reacted substances can only be listed when there was a reaction.")
        ?? CheckTested(test, reading.ReactedSubstances);

    /// <summary>
    /// No session before every test is read and a day has passed since its dose (primer 000, 002).
    /// A reaction does not block scheduling: it bars the substances that reacted (checked when performed).
    /// </summary>
    public static Refusal? CheckReadyFor(PatientState state, DateTimeOffset startsAt)
    {
        if (state.AllergyTests.Count == 0)
            return new Refusal(RefusalCodes.AllergyTestMissing, "The patient has had no allergy test.");
        if (state.AllergyTests.FirstOrDefault(test => !test.IsRead) is { } unread)
            return new Refusal(RefusalCodes.AllergyTestPending, $"Allergy test {unread.TestId} has not been read yet.");
        if (state.AllergyTests.FirstOrDefault(test => startsAt < test.ReadingDueAt) is { } recent)
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
