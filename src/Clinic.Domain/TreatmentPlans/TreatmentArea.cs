namespace Clinic.Domain.TreatmentPlans;

/// <summary>The areas treated (primer 003).</summary>
public enum TreatmentArea
{
    Face = 1,
    Neck = 2,
    Scalp = 3,
    Chest = 4,
    Hands = 5,
    Arms = 6,
    Abdomen = 7,
    Hips = 8,
    Thighs = 9,
    Buttocks = 10,
    Legs = 11,
    Back = 12,
}
