namespace Clinic.Domain.SideEffects;

public enum SideEffectOutcome
{
    Recovered = 1,
    Recovering = 2,
    RecoveredWithSequelae = 3,
    NotRecovered = 4,
    Fatal = 5,
    Unknown = 6,
}
