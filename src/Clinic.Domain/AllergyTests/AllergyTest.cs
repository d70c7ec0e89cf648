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

    public IReadOnlyList<string> ReactedSubstances => Reading switch
    {
        { Reaction: true, ReactedSubstances.Count: > 0 } reading => reading.ReactedSubstances,
        { Reaction: true } => Substances,
        _ => [],
    };
}
