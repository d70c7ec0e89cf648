namespace Clinic.Domain.SideEffects;

/// <summary>The seriousness criteria, in the style of ICH E2A.</summary>
public enum Seriousness
{
    Death = 1,
    LifeThreatening = 2,
    Hospitalisation = 3,
    Disability = 4,
    OtherMedicallyImportant = 5,
}
