using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.Screening;

namespace Clinic.Api.Screening;

public sealed record ScreeningRequest
{
    public required DateOnly ScreenedOn { get; init; }
    public required bool Pregnant { get; init; }
    public required bool Breastfeeding { get; init; }
    public required bool InsulinDependentDiabetes { get; init; }
    public required bool CancerOnMultiDrugTherapy { get; init; }
    public required bool HeartDiseaseOnMultiDrugTherapy { get; init; }
    public required bool StrokeHistory { get; init; }
    public required bool LiverDisorder { get; init; }
    public required bool KidneyDisorder { get; init; }
    public DateOnly? LastNsaidDoseOn { get; init; }
    [MaxLength(RequestLimits.Items)]
    public IReadOnlyList<string> Allergies { get; init; } = [];
    [MaxLength(RequestLimits.Text)]
    public string? Notes { get; init; }

    /// <summary>When the physical examination was done; not given while it is not (treatment needs it).</summary>
    public DateOnly? PhysicalExaminationOn { get; init; }

    /// <summary>When the blood and urine test was done; not given while it is not (treatment needs it).</summary>
    public DateOnly? BloodUrineTestOn { get; init; }

    public ScreeningAnswers ToAnswers() => new(Pregnant, Breastfeeding, InsulinDependentDiabetes, CancerOnMultiDrugTherapy,
        HeartDiseaseOnMultiDrugTherapy, StrokeHistory, LiverDisorder, KidneyDisorder, LastNsaidDoseOn, Allergies, Notes,
        PhysicalExaminationOn, BloodUrineTestOn);
}
