using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Faults;

/// <summary>What a fault must not cost, read back through the API: every acknowledged registration, once in each projection.</summary>
public static class KeptWrites
{
    private const string Registered = "patient-registered.v1";

    /// <summary>
    /// Each acknowledged patient has a history (inline projection); once the async projections have caught up, the
    /// audit trail holds one registration for each patient registered, acknowledged or not (a write may commit and
    /// its answer be lost with the process), and the dashboard counts as many. Returns the patients registered.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ShouldAllBeKeptAsync(ApiProcess api, string clinic, IReadOnlyCollection<Guid> acknowledged)
    {
        using var practitioner = api.Client("practitioner", clinic);
        using var admin = api.Client("clinic-admin", clinic);
        foreach (var patientId in acknowledged)
            Journey.Types(await practitioner.GetOkAsync($"/api/patients/{patientId}/history")).ShouldBe([Registered]);

        // Registrations are applied in commit order: once every acknowledged one is in the audit trail, so is every earlier one.
        var registrations = await Eventually.WaitForAsync(async () =>
        {
            var entries = await AuditTrail.EntriesAsync(admin, $"&type={Registered}");
            var patients = entries.Select(entry => entry["patientId"]!.GetValue<Guid>()).ToList();
            return acknowledged.All(patients.Contains) ? patients : null;
        });
        registrations.ShouldBeUnique();
        var dashboardPatients = await Eventually.WaitForAsync(async () =>
        {
            var counted = (await admin.GetOkAsync("/api/dashboard"))["counts"]!["patients"]!.GetValue<int>();
            return counted >= registrations.Count ? (int?)counted : null;
        });
        dashboardPatients.ShouldBe(registrations.Count);
        return registrations;
    }
}
