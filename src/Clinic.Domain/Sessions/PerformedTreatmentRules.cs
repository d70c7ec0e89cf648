using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Sessions;

internal static class PerformedTreatmentRules
{
    /// <summary>Injections go 1 to 4 mm deep (primer 001, 002, 003); hair, at about 1 mm, lies within this range.</summary>
    public const decimal MinimumDepthMm = 1m;

    public const decimal MaximumDepthMm = 4m;

    /// <summary>The scalp is treated superficially, at about 1 mm (primer 002): never deeper than 2 mm (issue 13).</summary>
    public const decimal MaximumScalpDepthMm = 2m;

    /// <summary>Anesthetic cream is applied 30 to 40 minutes before the session (primer 002), both ends included.</summary>
    public static readonly TimeSpan EarliestAnesthetic = TimeSpan.FromMinutes(40);

    public static readonly TimeSpan LatestAnesthetic = TimeSpan.FromMinutes(30);

    /// <summary>What the record itself must hold, whoever's patient it is, checked as performed at <paramref name="performedAt"/>.</summary>
    public static Refusal? CheckRecord(PerformedTreatment treatment, DateTimeOffset performedAt, ClinicPolicy policy) =>
        Check.That(treatment.Products.Count > 0, RefusalCodes.InvalidProduct, "At least one product used must be recorded.")
        ?? treatment.Products.Select(CheckProduct).FirstOrDefault(refusal => refusal is not null)
        ?? CheckVolume(treatment, policy)
        ?? Check.Defined(treatment.Technique, RefusalCodes.InvalidTreatment, "Technique")
        ?? Check.That(treatment.Areas.Count > 0, RefusalCodes.InvalidTreatment, "At least one treated area must be recorded.")
        ?? Check.AllDefined(treatment.Areas, RefusalCodes.InvalidTreatment, "Treatment area")
        ?? CheckDelivery(treatment)
        ?? SessionRules.CheckDuration(treatment.DurationMinutes)
        ?? CheckAnesthetic(treatment, performedAt)
        ?? Check.That(treatment.Aftercare is { Count: > 0 }, RefusalCodes.AftercareMissing,
            "The aftercare instructions given must be recorded, at least one.")
        ?? Check.AllDefined(treatment.Aftercare!, RefusalCodes.InvalidTreatment, "Aftercare instruction")
        ?? Check.That(treatment.NoRecentAntiInflammatoriesConfirmed, RefusalCodes.RecentNsaid,
            "The practitioner must confirm the patient took no NSAID, aspirin or anti-inflammatory steroid in the last 7 days.");

    /// <summary>
    /// What was done at <paramref name="performedAt"/> is the plan's, unless a clinician deviated from it with a reason;
    /// it was consented to by then, and used only substances cleared then.
    /// </summary>
    public static Refusal? CheckForPatient(
        PatientState state, TreatmentPlan plan, PerformedTreatment treatment, DateTimeOffset performedAt, ClinicPolicy policy) =>
        CheckWithinPlan(plan, treatment)
        ?? ConsentRules.CheckCovers(state, treatment.Areas, performedAt)
        ?? AllergyTestRules.CheckSubstancesCleared(state,
            treatment.Products.SelectMany(product => product.Substances.Select(substance => (product.Name, substance))).ToList(),
            performedAt, policy);

    private static Refusal? CheckVolume(PerformedTreatment treatment, ClinicPolicy policy)
    {
        // Each product within the ceiling first: the sum of volumes that large could overflow a decimal.
        if (treatment.Products.FirstOrDefault(product => product.VolumeMl > policy.MaximumSessionVolumeMl) is { } oversized)
            return new Refusal(RefusalCodes.SessionVolumeExceeded,
                $"{oversized.Name} alone is {oversized.VolumeMl} ml, more than the clinic's ceiling of {policy.MaximumSessionVolumeMl} ml a session.");
        var totalMl = treatment.Products.Sum(product => product.VolumeMl);
        return Check.That(totalMl <= policy.MaximumSessionVolumeMl, RefusalCodes.SessionVolumeExceeded,
            $"The products add up to {totalMl} ml, more than the clinic's ceiling of {policy.MaximumSessionVolumeMl} ml a session.");
    }

    /// <summary>A needle goes 1 to 4 mm deep, at most 2 mm in the scalp; a needle-free delivery has no depth.</summary>
    private static Refusal? CheckDelivery(PerformedTreatment treatment) =>
        treatment.Delivery is not { } delivery
            ? new Refusal(RefusalCodes.InvalidDelivery, "The delivery must be recorded: needle or needle-free, manual or gun.")
            : Check.Defined(delivery.Method, RefusalCodes.InvalidDelivery, "Injection method")
              ?? Check.Defined(delivery.Device, RefusalCodes.InvalidDelivery, "Injection device")
              ?? (delivery.Method == InjectionMethod.NeedleFree
                  ? Check.That(treatment.DepthMm is null, RefusalCodes.InvalidDelivery, "A needle-free delivery has no injection depth.")
                  : CheckNeedleDepth(treatment));

    private static Refusal? CheckNeedleDepth(PerformedTreatment treatment)
    {
        var maximum = treatment.Areas.Contains(TreatmentArea.Scalp) ? MaximumScalpDepthMm : MaximumDepthMm;
        return Check.That(treatment.DepthMm is { } depth && depth >= MinimumDepthMm && depth <= maximum, RefusalCodes.DepthOutOfRange,
            $"A needle's depth must be between {MinimumDepthMm} and {maximum} mm"
            + $"{(maximum == MaximumScalpDepthMm ? " in the scalp" : "")} (was {treatment.DepthMm?.ToString() ?? "not given"}).");
    }

    private static Refusal? CheckAnesthetic(PerformedTreatment treatment, DateTimeOffset performedAt) =>
        treatment.AnestheticAppliedAt is not { } appliedAt
            ? Check.That(!treatment.AnestheticCream, RefusalCodes.AnestheticTiming, "When anesthetic cream was applied must be recorded.")
            : Check.That(treatment.AnestheticCream, RefusalCodes.AnestheticTiming, "An anesthetic time is recorded only with anesthetic cream.")
              ?? Check.That(performedAt - appliedAt >= LatestAnesthetic && performedAt - appliedAt <= EarliestAnesthetic,
                  RefusalCodes.AnestheticTiming,
                  $"Anesthetic cream is applied {LatestAnesthetic.TotalMinutes} to {EarliestAnesthetic.TotalMinutes} minutes before the session "
                  + $"(applied at {appliedAt:O}, performed at {performedAt:O}).");

    /// <summary>A deviation names its reason and the clinician who decided it; without one, the plan's areas and technique.</summary>
    private static Refusal? CheckWithinPlan(TreatmentPlan plan, PerformedTreatment treatment) =>
        treatment.Deviation is { } deviation
            ? Check.NotBlank(deviation.Reason, RefusalCodes.ReasonRequired, "The reason for deviating from the plan")
              ?? Check.That(!string.IsNullOrWhiteSpace(deviation.ClinicianId), RefusalCodes.ClinicianRequired,
                  "Only a clinician may treat other areas, or with another technique, than the plan's.")
            : Check.That(treatment.Technique == plan.Details.Technique && treatment.Areas.All(plan.Details.Areas.Contains),
                RefusalCodes.OutsidePlan,
                $"The plan treats {string.Join(", ", plan.Details.Areas)} by {plan.Details.Technique}; anything else is a clinician's deviation, with a reason.");

    private static Refusal? CheckProduct(ProductUsed product) =>
        Check.NotBlank(product.Name, RefusalCodes.InvalidProduct, "A product's name")
        ?? Check.NotBlank(product.LotNumber, RefusalCodes.MissingLotNumber, $"The lot number of {product.Name}")
        ?? Check.That(product.VolumeMl > 0, RefusalCodes.InvalidVolume,
            $"The volume of {product.Name} must be positive (was {product.VolumeMl} ml).")
        ?? Check.That(product.Substances.Count > 0 && product.Substances.All(substance => !string.IsNullOrWhiteSpace(substance)),
            RefusalCodes.MissingSubstances,
            $"{product.Name} must list the substances it contains, each named, so that none that reacted in an allergy test is used.");
}
