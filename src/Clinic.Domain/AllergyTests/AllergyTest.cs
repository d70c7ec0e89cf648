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

    public IReadOnlyList<string> ReactedSubstances => Reading switch
    {
        { Reaction: true, ReactedSubstances.Count: > 0 } reading => reading.ReactedSubstances,
        { Reaction: true } => Substances,
        _ => [],
    };
}
