namespace Clinic.Api.Tests.Support;

/// <summary>Clinic ids (tenants) no other test uses, so tests sharing one host never see each other's data.</summary>
public static class TestClinic
{
    public static string Unique(string prefix = "clinic") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
