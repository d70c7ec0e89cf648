using Clinic.Api.Auth;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;

namespace Clinic.Api.Demo;

/// <summary>Who a demo command is from: the user id a token would carry as its subject, and the role.</summary>
internal sealed record DemoActor(string UserId, string Role)
{
    public static readonly DemoActor Admin = new("demo-admin", ClinicRoles.ClinicAdmin);
    public static readonly DemoActor Reception = new("demo-reception", ClinicRoles.Receptionist);

    /// <summary>Who fires timers: Wolverine, on its own (<see cref="Commands.CommandCaller.SystemActor"/>).</summary>
    public static readonly DemoActor Messaging = new(Commands.CommandCaller.SystemActor, Commands.CommandCaller.SystemRole);

    public SessionRecorder AsRecorder => new(UserId, Permissions.Allows(Permissions.RecordCareForOthers, Role));
}

/// <summary>A registered demo practitioner, who also signs in as <see cref="Actor"/> to record their own work.</summary>
internal sealed record DemoPractitioner(Guid Id, PractitionerDetails Details, DemoActor Actor)
{
    public bool IsLicensedOn(DateOnly date) => date <= Details.LicenceExpiresOn;
}

internal static class DemoStaff
{
    /// <summary>Four licensed practitioners and one whose licence lapsed <see cref="LapsedDaysAgo"/> days ago.</summary>
    public static IReadOnlyList<(PractitionerDetails Details, DemoActor Actor)> Practitioners(DateOnly today) =>
    [
        Linked(new("Dr Ana Silva", Profession.Dermatologist, "DERM-20417", today.AddYears(2), "demo-ana-silva"), ClinicRoles.Clinician),
        Linked(new("Dr Karim Haddad", Profession.Physician, "MED-88213", today.AddYears(1), "demo-karim-haddad"), ClinicRoles.Clinician),
        Linked(new("Joana Pereira", Profession.Nurse, "NUR-55120", today.AddYears(3), "demo-joana-pereira"), ClinicRoles.Practitioner),
        Linked(new("Tomás Weber", Profession.Nurse, "NUR-55342", today.AddDays(400), "demo-tomas-weber"), ClinicRoles.Practitioner),
        Linked(new("Dr Helena Novak", Profession.Dermatologist, "DERM-19876", today.AddDays(-LapsedDaysAgo), "demo-helena-novak"), ClinicRoles.Clinician),
    ];

    public const int LapsedDaysAgo = 20;

    /// <summary>The practitioner is registered linked to the user they sign in as.</summary>
    private static (PractitionerDetails Details, DemoActor Actor) Linked(PractitionerDetails details, string role) =>
        (details, new DemoActor(details.UserId!, role));
}
