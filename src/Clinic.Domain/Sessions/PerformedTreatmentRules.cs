using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

internal static class PerformedTreatmentRules
{
    /// <summary>Injections go 1 to 4 mm deep (primer 001, 002, 003); hair, at about 1 mm, lies within this range.</summary>
    public const decimal MinimumDepthMm = 1m;

    public const decimal MaximumDepthMm = 4m;

    public static Refusal? CheckRecord(PerformedTreatment treatment) =>
        Check.That(treatment.Products.Count > 0, RefusalCodes.InvalidProduct, "At least one product used must be recorded.")
        ?? treatment.Products.Select(CheckProduct).FirstOrDefault(refusal => refusal is not null)
        ?? Check.That(treatment.DepthMm is >= MinimumDepthMm and <= MaximumDepthMm, RefusalCodes.DepthOutOfRange,
            $"The injection depth must be between {MinimumDepthMm} and {MaximumDepthMm} mm (was {treatment.DepthMm} mm).")
        ?? Check.Defined(treatment.Technique, RefusalCodes.InvalidTreatment, "Technique")
        ?? Check.That(treatment.Areas.Count > 0, RefusalCodes.InvalidTreatment, "At least one treated area must be recorded.")
        ?? Check.AllDefined(treatment.Areas, RefusalCodes.InvalidTreatment, "Treatment area")
        ?? SessionRules.CheckDuration(treatment.DurationMinutes);

    /// <summary>What was done at <paramref name="performedAt"/> was consented to by then, and used only substances cleared then.</summary>
    public static Refusal? CheckForPatient(PatientState state, PerformedTreatment treatment, DateTimeOffset performedAt, ClinicPolicy policy) =>
        ConsentRules.CheckCovers(state, treatment.Areas, performedAt)
        ?? AllergyTestRules.CheckSubstancesCleared(state,
            treatment.Products.SelectMany(product => product.Substances.Select(substance => (product.Name, substance))).ToList(),
            performedAt, policy);

    private static Refusal? CheckProduct(ProductUsed product) =>
        Check.NotBlank(product.Name, RefusalCodes.InvalidProduct, "A product's name")
        ?? Check.NotBlank(product.LotNumber, RefusalCodes.MissingLotNumber, $"The lot number of {product.Name}")
        ?? Check.That(product.VolumeMl > 0, RefusalCodes.InvalidVolume,
            $"The volume of {product.Name} must be positive (was {product.VolumeMl} ml).")
        ?? Check.That(product.Substances.Count > 0 && product.Substances.All(substance => !string.IsNullOrWhiteSpace(substance)),
            RefusalCodes.MissingSubstances,
            $"{product.Name} must list the substances it contains, each named, so that none that reacted in an allergy test is used.");
}
