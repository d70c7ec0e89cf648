namespace Clinic.Api.Auth;

/// <summary>The roles a token's <c>role</c> claim may carry (see docs/security.md for what each may do).</summary>
public static class ClinicRoles
{
    public const string Receptionist = "receptionist";
    public const string Practitioner = "practitioner";
    public const string Clinician = "clinician";
    public const string ClinicAdmin = "clinic-admin";
    public const string Regulator = "regulator";
    public const string Analyst = "analyst";

    public static readonly IReadOnlyList<string> All = [Receptionist, Practitioner, Clinician, ClinicAdmin, Regulator, Analyst];
}
