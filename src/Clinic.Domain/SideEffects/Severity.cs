namespace Clinic.Domain.SideEffects;

/// <summary>Graded in the style of CTCAE: the values are the grades 1 to 5.</summary>
public enum Severity
{
    Mild = 1,
    Moderate = 2,
    Severe = 3,
    LifeThreatening = 4,
    Fatal = 5,
}
