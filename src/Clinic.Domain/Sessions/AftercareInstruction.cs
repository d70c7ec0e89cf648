namespace Clinic.Domain.Sessions;

/// <summary>The aftercare instructions given after a session (primer 002).</summary>
public enum AftercareInstruction
{
    /// <summary>No water on the treated area for 10 to 15 hours.</summary>
    NoWater = 1,

    /// <summary>No forcing movements of the treated area for 48 hours.</summary>
    NoForcedMovements = 2,

    NoMakeUpOrSun = 3,
    ColdCompresses = 4,

    /// <summary>No strenuous activity for several days.</summary>
    NoStrenuousActivity = 5,

    NoScratchingOrTightClothes = 6,

    /// <summary>Report a suspected infection at once.</summary>
    ReportInfection = 7,
}
