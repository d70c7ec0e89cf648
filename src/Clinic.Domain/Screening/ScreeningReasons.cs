namespace Clinic.Domain.Screening;

/// <summary>The stable codes of the reasons a screening records (primer: the patient journey, step 2).</summary>
public static class ScreeningReasons
{
    public const string Under18 = "under-18";
    public const string Pregnant = "pregnant";
    public const string Breastfeeding = "breastfeeding";
    public const string InsulinDependentDiabetes = "insulin-dependent-diabetes";
    public const string CancerMultiDrugTherapy = "cancer-multi-drug-therapy";
    public const string HeartDiseaseMultiDrugTherapy = "heart-disease-multi-drug-therapy";
    public const string StrokeHistory = "stroke-history";
    public const string LiverDisorder = "liver-disorder";
    public const string KidneyDisorder = "kidney-disorder";

    /// <summary>Defers treatment (or joins the reasons of an ineligible outcome).</summary>
    public const string RecentNsaid = "recent-nsaid";
}
