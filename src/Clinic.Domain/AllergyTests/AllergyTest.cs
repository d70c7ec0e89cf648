using Clinic.Domain.ClinicPolicies;

namespace Clinic.Domain.AllergyTests;

public sealed record AllergyTest(
    Guid TestId,
    IReadOnlyList<string> Substances,
    DateTimeOffset AppliedAt,
    AllergyReading? Reading,
    bool ReadingFlaggedDue)
{
    public bool IsRead => Reading is not null;

    /// <summary>The reading is due, and treatment may start, a full day after the test dose.</summary>
    public DateTimeOffset ReadingDueAt => ReadingDueAfter(AppliedAt);

    /// <summary>When the reading of a test dose applied at <paramref name="appliedAt"/> falls due.</summary>
    public static DateTimeOffset ReadingDueAfter(DateTimeOffset appliedAt) => appliedAt + AllergyTestRules.WaitAfterTestDose;

    /// <summary>The last moment a reading of no reaction still counts: "after a few days at most" (seed 000, policy).</summary>
    public DateTimeOffset ReadableUntil(ClinicPolicy policy) => AppliedAt.AddDays(policy.AllergyReadingWindowDays);

    /// <summary>Read at or before <paramref name="at"/>: a reading taken later did not clear anything done then.</summary>
    public bool IsReadBy(DateTimeOffset at) => Reading is { } reading && reading.ReadAt <= at;

    /// <summary>Never read, and its reading window closed before <paramref name="at"/>: it can no longer clear anyone.</summary>
    public bool HasLapsedBy(DateTimeOffset at, ClinicPolicy policy) => !IsRead && at > ReadableUntil(policy);

    /// <summary>
    /// The last moment a clean reading clears the tested substances: the clinic's validity after the dose (policy),
    /// since what the test shows is how the patient took the dose then.
    /// </summary>
    public DateTimeOffset ClearsUntil(ClinicPolicy policy) => AppliedAt.AddMonths(policy.AllergyTestValidityMonths);

    /// <summary>
    /// Whether the test clears <paramref name="substance"/> at <paramref name="at"/>: the substance was tested, the
    /// test read by then, a full day after the dose, with no reaction to it, and the clearance has not expired.
    /// A reaction read earlier bars what reacted, but says nothing yet of the others.
    /// </summary>
    public bool Clears(string substance, DateTimeOffset at, ClinicPolicy policy) =>
        Reading is { } reading && reading.ReadAt <= at && reading.ReadAt >= ReadingDueAt && at <= ClearsUntil(policy)
        && Substances.HasSubstance(substance) && !ReactedSubstances.HasSubstance(substance);

    public IReadOnlyList<string> ReactedSubstances => Reading switch
    {
        { Reaction: true, ReactedSubstances.Count: > 0 } reading => reading.ReactedSubstances,
        { Reaction: true } => Substances,
        _ => [],
    };
}
