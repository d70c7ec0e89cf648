namespace Clinic.Domain.Screening;

public sealed record ScreeningRecord(
    Guid ScreeningId,
    DateOnly ScreenedOn,
    ScreeningAnswers Answers,
    ScreeningAssessment Assessment)
{
    /// <summary>The physical examination and the blood and urine test were done: what treatment needs besides the outcome.</summary>
    public bool IsComplete => Answers.PhysicalExaminationOn is not null && Answers.BloodUrineTestOn is not null;

    /// <summary>Whether this screening lets the patient be treated on <paramref name="date"/>: the rule booking applies.</summary>
    public bool AllowsTreatmentOn(DateOnly date) => ScreeningRules.CheckAllowsTreatmentOn(this, date) is null;
}
