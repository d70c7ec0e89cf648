using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Consent;

internal static class ConsentRules
{
    public static Refusal? Validate(ConsentTerms terms, DateTimeOffset now) =>
        Check.That(terms.Scopes.Count > 0, RefusalCodes.InvalidConsent, "A consent must name at least one scope.")
        ?? Check.AllDefined(terms.Scopes, RefusalCodes.InvalidConsent, "Consent scope")
        ?? Check.NotBlank(terms.FormVersion, RefusalCodes.InvalidConsent, "The consent form version")
        ?? Check.NotInFuture(terms.SignedAt, now, "The time the consent was signed");

    public static ConsentScope ScopeOf(TreatmentArea area) => area switch
    {
        TreatmentArea.Face or TreatmentArea.Neck => ConsentScope.Face,
        TreatmentArea.Scalp => ConsentScope.Hair,
        _ => ConsentScope.Body,
    };

    /// <summary>The patient had signed a consent by <paramref name="at"/>, whatever its scopes.</summary>
    public static Refusal? CheckSignedBy(PatientState state, DateTimeOffset at) =>
        Check.That(state.ConsentScopesSignedBy(at).Count > 0, RefusalCodes.ConsentMissing,
            $"The patient had signed no consent by {at:O}.");

    /// <summary>
    /// Treating localized fat or cellulite needs a consent signed by <paramref name="at"/> that records the patient was
    /// told the treatment is not approved or endorsed for fat removal (seed 002: not FDA approved; seed 001: not
    /// recommended by the American Society of Plastic Surgeons). Checked where consent is, when a session is booked and
    /// when it is performed: a plan may come before the consent, and either may be corrected after the booking.
    /// </summary>
    public static Refusal? CheckFatRemovalDisclosed(PatientState state, Indication indication, DateTimeOffset at) =>
        Check.That(!indication.NeedsFatRemovalDisclosure() || state.ToldNotApprovedForFatRemovalBy(at),
            RefusalCodes.FatRemovalDisclosureMissing,
            $"No consent of the patient signed by {at:O} records that they were told mesotherapy is not approved or endorsed for fat removal.");

    /// <summary>Consent signed by <paramref name="at"/> covers every area (primer 3: every step discussed before treatment).</summary>
    public static Refusal? CheckCovers(PatientState state, IEnumerable<TreatmentArea> areas, DateTimeOffset at)
    {
        var consented = state.ConsentScopesSignedBy(at);
        var missing = areas.Select(ScopeOf).Distinct().Where(scope => !consented.Contains(scope)).ToList();
        return Check.That(missing.Count == 0, RefusalCodes.ConsentMissing,
            $"No consent of the patient signed by {at:O} covers {string.Join(", ", missing)}.");
    }
}
