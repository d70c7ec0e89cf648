namespace Clinic.Domain.Consent;

/// <summary>Mesotherapy is face, body or hair mesotherapy (primer 002); consent names which.</summary>
public enum ConsentScope
{
    Face = 1,
    Body = 2,
    Hair = 3,
}
