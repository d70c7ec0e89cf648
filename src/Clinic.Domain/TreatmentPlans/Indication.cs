namespace Clinic.Domain.TreatmentPlans;

/// <summary>What a plan treats (primer 000, 001, 002).</summary>
public enum Indication
{
    SkinRejuvenation = 1,
    Pigmentation = 2,
    AcneScars = 3,
    StretchMarks = 4,
    Cellulite = 5,
    LocalizedFat = 6,
    HairLoss = 7,
    MusculoskeletalPain = 8,
    Neuralgia = 9,
    Migraine = 10,
    SportsInjury = 11,
    VascularDisorder = 12,
    Lymphedema = 13,
    RheumaticDisease = 14,
}
