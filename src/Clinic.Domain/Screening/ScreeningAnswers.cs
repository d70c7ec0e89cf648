using Clinic.Domain.Common;

namespace Clinic.Domain.Screening;

/// <summary>
/// What the consultation found (primer 002); <see cref="Allergies"/> are the allergies the patient declares.
/// <see cref="PhysicalExaminationOn"/> and <see cref="BloodUrineTestOn"/> are when the physical examination and the
/// blood and urine test the diagnosis rests on were done (seed 002), null while not done: a contraindication may be
/// found without them, but treatment needs both. Screenings recorded before they existed read as null.
/// </summary>
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
    [property: PersonalData] string? Notes,
    DateOnly? PhysicalExaminationOn = null,
    DateOnly? BloodUrineTestOn = null);
