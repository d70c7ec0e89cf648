using Microsoft.AspNetCore.Authorization;

namespace Clinic.Api.Auth;

/// <summary>
/// What each role may do (the table in docs/security.md). Clinic staff roles are cumulative:
/// receptionist ⊂ practitioner ⊂ clinician ⊂ clinic-admin. Regulators only read; analysts only see
/// dashboards, which hold no personal data. Every permission also needs the <c>sub</c> claim and the token's clinics
/// (<c>clinic</c>, or a regulator's <c>clinics</c> or <c>jurisdiction</c>).
/// </summary>
public static class Permissions
{
    public const string RegisterPatients = "patients:register";
    public const string BookSessions = "sessions:book";
    public const string ReadSchedules = "schedules:read";
    public const string RecordCare = "care:record";
    public const string ReadHistory = "history:read";
    public const string ReviewSideEffects = "side-effects:review";
    public const string OverrideIntervals = "intervals:override";
    /// <summary>Record a deviation, with a reason: a plan off its indication's protocol, a session off its plan's areas or technique.</summary>
    public const string DeviateFromProtocols = "protocols:deviate";
    /// <summary>Record a session performed whoever its booked practitioner is; others record only their own.</summary>
    public const string RecordCareForOthers = "care:record-for-others";
    public const string StopTreatment = "treatment:stop";
    public const string ManagePractitioners = "practitioners:manage";
    public const string ManagePolicy = "policy:manage";
    public const string ReadAudit = "audit:read";
    public const string ReadDashboard = "dashboard:read";
    /// <summary>List every patient who received a lot, with names and contacts: a clinic-wide read of personal data.</summary>
    public const string RecallLots = "lots:recall";
    public const string ManageMessages = "messages:manage";
    /// <summary>Check the clinic's records against their hash chain and signed checkpoints, and export the latest checkpoint.</summary>
    public const string ReadIntegrity = "integrity:read";
    public const string TakeCheckpoints = "integrity:checkpoint";
    public const string ErasePatients = "patients:erase";

    private static readonly string[] Receptionists = [ClinicRoles.Receptionist, ClinicRoles.Practitioner, ClinicRoles.Clinician, ClinicRoles.ClinicAdmin];
    private static readonly string[] Practitioners = [ClinicRoles.Practitioner, ClinicRoles.Clinician, ClinicRoles.ClinicAdmin];
    private static readonly string[] Clinicians = [ClinicRoles.Clinician, ClinicRoles.ClinicAdmin];
    private static readonly string[] Admins = [ClinicRoles.ClinicAdmin];

    public static readonly IReadOnlyDictionary<string, string[]> RolesAllowed = new Dictionary<string, string[]>
    {
        [RegisterPatients] = Receptionists,
        [BookSessions] = Receptionists,
        [ReadSchedules] = [.. Receptionists, ClinicRoles.Regulator],
        [RecordCare] = Practitioners,
        [ReadHistory] = [.. Practitioners, ClinicRoles.Regulator],
        [ReviewSideEffects] = Clinicians,
        [OverrideIntervals] = Clinicians,
        [DeviateFromProtocols] = Clinicians,
        [RecordCareForOthers] = Clinicians,
        [StopTreatment] = Clinicians,
        [ManagePractitioners] = Admins,
        [ManagePolicy] = Admins,
        [ReadAudit] = [.. Admins, ClinicRoles.Regulator],
        [ReadDashboard] = [.. Admins, ClinicRoles.Regulator, ClinicRoles.Analyst],
        [RecallLots] = [.. Clinicians, ClinicRoles.Regulator],
        [ManageMessages] = Admins,
        [ReadIntegrity] = [.. Admins, ClinicRoles.Regulator],
        [TakeCheckpoints] = Admins,
        [ErasePatients] = Admins,
    };

    public static void AddClinicPolicies(this AuthorizationOptions options)
    {
        foreach (var (permission, roles) in RolesAllowed)
            options.AddPolicy(permission, policy => policy.RequireAuthenticatedUser()
                .RequireClaim(ClinicClaims.Subject).RequireAssertion(context => IdentityClaims.NamesClinics(context.User)).RequireRole(roles));
    }

    public static bool Allows(string permission, string role) => RolesAllowed[permission].Contains(role);
}
