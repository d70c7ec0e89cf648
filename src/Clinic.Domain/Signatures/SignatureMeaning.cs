namespace Clinic.Domain.Signatures;

/// <summary>What a signature attests (21 CFR 11.50(a)(3)): the signer performed the session, or reviewed the side effect.</summary>
public enum SignatureMeaning
{
    Performed = 1,
    Reviewed = 2,
}
