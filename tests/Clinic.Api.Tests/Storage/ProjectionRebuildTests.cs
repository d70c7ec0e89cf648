using System.Text.Json;
using Clinic.Api.Dashboard;
using Clinic.Api.Lots;
using Clinic.Api.Sessions;
using Clinic.Api.Tests.Support;
using Marten;

namespace Clinic.Api.Tests.Storage;

/// <summary>
/// Marten's rebuild of the dashboard (async), the session locator and the sessions' products (inline), which the <c>rebuild</c> verb's test
/// does not compare, and of the audit trail of several clinics: documents rebuilt from the events are the ones the live
/// projections wrote.
/// </summary>
public class ProjectionRebuildTests(IdleDaemonApiHost host) : IClassFixture<IdleDaemonApiHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Rebuilt_dashboard_and_session_locators_equal_the_live_ones()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var performed = await journey.PerformedSessionAsync(Journey.Slot(3));
        await journey.ReportSideEffectAsync(performed, serious: false, Journey.Slot(4));
        var cancelled = await journey.ScheduleAsync(Journey.Slot(10));
        await journey.Reception.PostOkAsync($"/api/sessions/{cancelled}/cancel", new { reason = "Moved away" }, System.Net.HttpStatusCode.OK);
        using var daemon = await host.Store().BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await daemon.WaitForNonStaleData(Patience);
        await daemon.StopAllAsync();
        var live = await ReadAsync(journey.Clinic);
        live.Locators.Count.ShouldBe(2);

        await DeleteAsync(journey.Clinic);
        await daemon.RebuildProjectionAsync("clinic-dashboard", Patience, CancellationToken.None);
        await daemon.RebuildProjectionAsync("session-locator", Patience, CancellationToken.None);

        var rebuilt = await ReadAsync(journey.Clinic);
        rebuilt.Dashboard.ShouldBe(live.Dashboard);
        rebuilt.Locators.ShouldBe(live.Locators);
    }

    [Fact]
    public async Task Rebuilt_session_products_follow_the_corrected_lot_as_the_live_ones()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.PerformedSessionAsync(Journey.Slot(3), "LOT-MISREAD");
        var performed = Journey.Entry(await journey.HistoryAsync(), "session-performed.v1")["eventId"]!.GetValue<Guid>();
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections", new
        {
            eventId = performed, reason = "Lot misread from the vial",
            values = Journey.CorrectedTreatment(Journey.Performed(Journey.Slot(3), products: [Journey.Product("LOT-ACTUAL")])),
        });
        await journey.PerformedSessionAsync(Journey.Slot(10), "LOT-KEPT");
        var live = await SessionProductsAsync(journey.Clinic);
        live.SelectMany(s => s.Products).Select(p => p.LotNumber).Order().ShouldBe(["LOT-ACTUAL", "LOT-KEPT"]);

        await using (var session = host.Store().LightweightSession(journey.Clinic))
        {
            session.DeleteWhere<SessionProducts>(_ => true);
            await session.SaveChangesAsync();
        }
        using var daemon = await host.Store().BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync("session-products", Patience, CancellationToken.None);

        JsonSerializer.Serialize(await SessionProductsAsync(journey.Clinic)).ShouldBe(JsonSerializer.Serialize(live));
    }

    [Fact]
    public async Task A_rebuilt_audit_trail_numbers_each_clinic_from_1_again()
    {
        var clinics = new[] { new Journey(host), new Journey(host) };
        foreach (var journey in clinics.Concat(clinics))
            await journey.AnotherPatient().RegisterPatientAsync();
        using var daemon = await host.Store().BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await daemon.WaitForNonStaleData(Patience);
        await daemon.StopAllAsync();
        var live = await Task.WhenAll(clinics.Select(journey => StoredAudit.EntriesAsync(host, journey.Clinic)));

        await daemon.RebuildProjectionAsync("audit-trail", Patience, CancellationToken.None);

        for (var i = 0; i < clinics.Length; i++)
        {
            await StoredAudit.ShouldAuditEveryEventOnceInSequenceOrderAsync(host, clinics[i].Clinic);
            (await StoredAudit.EntriesAsync(host, clinics[i].Clinic)).ShouldBe(live[i]);
        }
    }

    private async Task<(string Dashboard, IReadOnlyList<SessionLocator> Locators)> ReadAsync(string clinic)
    {
        await using var session = host.Store().QuerySession(clinic);
        var dashboard = await session.LoadAsync<DashboardTally>(DashboardTally.DocumentId);
        var locators = await session.Query<SessionLocator>().OrderBy(l => l.Id).ToListAsync();
        return (JsonSerializer.Serialize(dashboard), locators);
    }

    private async Task<IReadOnlyList<SessionProducts>> SessionProductsAsync(string clinic)
    {
        await using var session = host.Store().QuerySession(clinic);
        return await session.Query<SessionProducts>().OrderBy(s => s.PerformedAt).ToListAsync();
    }

    private async Task DeleteAsync(string clinic)
    {
        await using var session = host.Store().LightweightSession(clinic);
        session.Delete<DashboardTally>(DashboardTally.DocumentId);
        session.DeleteWhere<SessionLocator>(_ => true);
        await session.SaveChangesAsync();
    }
}
