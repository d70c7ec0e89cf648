namespace Clinic.Domain.Screening;

/// <summary>
/// The outcome of a screening. <see cref="DeferredUntil"/> is set only for a deferred outcome; the screening
/// counts up to and including <see cref="ValidUntil"/>.
/// </summary>
public sealed record ScreeningAssessment(
    ScreeningOutcome Outcome,
    IReadOnlyList<string> Reasons,
    DateOnly? DeferredUntil,
    DateOnly ValidUntil)
{
    public bool HasSameVerdictAs(ScreeningAssessment other) =>
        Outcome == other.Outcome
        && DeferredUntil == other.DeferredUntil
        && ValidUntil == other.ValidUntil
        && Reasons.SequenceEqual(other.Reasons);
}
