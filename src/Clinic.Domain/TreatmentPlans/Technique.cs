namespace Clinic.Domain.TreatmentPlans;

/// <summary>The injection technique (primer 002): point by point, nappage (comprehensive) or epidermal (upper skin).</summary>
public enum Technique
{
    PointByPoint = 1,
    Nappage = 2,
    Epidermal = 3,
}
