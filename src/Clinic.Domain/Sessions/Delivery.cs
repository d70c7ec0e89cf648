namespace Clinic.Domain.Sessions;

/// <summary>How the product was delivered (primer 002): with a needle or needle-free, by hand or with a mechanical gun.</summary>
public sealed record Delivery(InjectionMethod Method, InjectionDevice Device);

public enum InjectionMethod
{
    Needle = 1,
    NeedleFree = 2,
}

public enum InjectionDevice
{
    Manual = 1,
    Gun = 2,
}
