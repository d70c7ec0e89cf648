namespace Clinic.Domain.SideEffects;

/// <summary>The side effects the seeds name (primer 000, 001, 002, 003), and <see cref="Other"/> for the rest.</summary>
public enum SideEffectKind
{
    Pain = 1,
    Nausea = 2,
    Vomiting = 3,
    Diarrhea = 4,
    AllergicReaction = 5,
    Swelling = 6,
    Itching = 7,
    Burning = 8,
    Erythema = 9,
    Bruising = 10,
    Bleeding = 11,
    Rash = 12,
    IncreasedSkinSensitivity = 13,
    Hyperpigmentation = 14,
    Nodules = 15,
    Scarring = 16,
    InjectionSiteWound = 17,
    Infection = 18,
    MycobacterialInfection = 19,
    TissueDamage = 20,
    Other = 99,
}
