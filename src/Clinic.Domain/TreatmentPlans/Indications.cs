namespace Clinic.Domain.TreatmentPlans;

public static class Indications
{
    /// <summary>
    /// Localized fat and cellulite are treated as fat removal, which mesotherapy is not approved (seed 002) nor endorsed
    /// (seed 001) for: the patient's consent must record they were told so.
    /// </summary>
    public static bool NeedsFatRemovalDisclosure(this Indication indication) =>
        indication is Indication.LocalizedFat or Indication.Cellulite;
}
