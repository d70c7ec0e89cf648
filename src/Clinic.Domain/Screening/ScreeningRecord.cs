namespace Clinic.Domain.Screening;

public sealed record ScreeningRecord(
    Guid ScreeningId,
    DateOnly ScreenedOn,
    ScreeningAnswers Answers,
    ScreeningAssessment Assessment);
