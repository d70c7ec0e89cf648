using Clinic.Domain.AllergyTests;
using Clinic.Domain.Screening;

namespace Clinic.Api.Demo;

/// <summary>
/// Consultation answers that give the screening reasons a demo story expects (under 18 comes from the date of birth).
/// Every patient is examined at the consultation, with the blood and urine test taken three days before.
/// </summary>
internal static class DemoAnswers
{
    public static ScreeningAnswers With(IReadOnlyList<string> reasons, DateOnly screenedOn, string? declaredAllergy) => new(
        Pregnant: reasons.Contains(ScreeningReasons.Pregnant),
        Breastfeeding: reasons.Contains(ScreeningReasons.Breastfeeding),
        InsulinDependentDiabetes: reasons.Contains(ScreeningReasons.InsulinDependentDiabetes),
        CancerOnMultiDrugTherapy: reasons.Contains(ScreeningReasons.CancerMultiDrugTherapy),
        HeartDiseaseOnMultiDrugTherapy: reasons.Contains(ScreeningReasons.HeartDiseaseMultiDrugTherapy),
        StrokeHistory: reasons.Contains(ScreeningReasons.StrokeHistory),
        LiverDisorder: reasons.Contains(ScreeningReasons.LiverDisorder),
        KidneyDisorder: reasons.Contains(ScreeningReasons.KidneyDisorder),
        LastNsaidDoseOn: reasons.Contains(ScreeningReasons.RecentNsaid) ? screenedOn.AddDays(-2) : null,
        Allergies: declaredAllergy is null ? [] : [declaredAllergy],
        Notes: reasons.Count == 0 ? "Examination, history and blood and urine tests unremarkable." : null,
        PhysicalExaminationOn: screenedOn,
        BloodUrineTestOn: screenedOn.AddDays(-3));

    /// <summary>The allergy test read at 9:00: clean, or a reaction to <see cref="DemoProtocols.ReactingSubstance"/>.</summary>
    public static AllergyReading Reading(DateOnly on, bool reaction) => reaction
        ? new(DemoClinic.At(on, 9), Reaction: true, [DemoProtocols.ReactingSubstance], "Wheal and redness where the artichoke extract was applied.")
        : new(DemoClinic.At(on, 9), Reaction: false, [], null);
}
