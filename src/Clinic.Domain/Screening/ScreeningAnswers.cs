namespace Clinic.Domain.Screening;

/// <summary>What the consultation found (primer 002); <see cref="Allergies"/> are the allergies the patient declares.</summary>
public sealed record ScreeningAnswers(
    bool Pregnant,
    bool Breastfeeding,
    bool InsulinDependentDiabetes,
    bool CancerOnMultiDrugTherapy,
    bool HeartDiseaseOnMultiDrugTherapy,
    bool StrokeHistory,
    bool LiverDisorder,
    bool KidneyDisorder,
    DateOnly? LastNsaidDoseOn,
    IReadOnlyList<string> Allergies,
    string? Notes);
