using System.Diagnostics;
using Clinic.Api.Dashboard;
using Clinic.Api.Tests.Support;
using Marten;
using Xunit.Abstractions;

namespace Clinic.Api.Tests.Storage;

/// <summary>
/// The audit trail's per-clinic position counter, read once per clinic in each daemon batch, while several clinics
/// are written at once: the daemon's batches then mix clinics.
/// </summary>
public class ConcurrentAuditTests(ApiHost host, ITestOutputHelper output) : IClassFixture<ApiHost>
{
    private const int Writers = 8;
    private const int Clinics = 3;
    private const int RegistrationsPerWriter = 8;

    [Fact]
    public async Task Positions_stay_gap_free_and_unique_per_clinic_when_clinics_are_written_concurrently()
    {
        var clinics = Enumerable.Range(0, Clinics).Select(_ => TestClinic.Unique()).ToList();
        var writers = Enumerable.Range(0, Writers).Select(w => new Journey(host, clinics[w % Clinics])).ToList();

        await Task.WhenAll(writers.Select(RegisterPatientsAsync));
        var drain = Stopwatch.StartNew();
        await host.WaitForProjectionsAsync();

        output.WriteLine($"{Writers * RegistrationsPerWriter} registrations in {Clinics} clinics: async projections caught up {drain.ElapsedMilliseconds} ms after the last one");
        foreach (var clinic in clinics)
        {
            await StoredAudit.ShouldAuditEveryEventOnceInSequenceOrderAsync(host, clinic);
            var registrations = writers.Count(w => w.Clinic == clinic) * RegistrationsPerWriter;
            (await StoredAudit.EntriesAsync(host, clinic)).Count(e => e.EventType == "patient-registered.v1").ShouldBe(registrations);
            await using var session = host.Store().QuerySession(clinic);
            (await session.LoadAsync<DashboardTally>(DashboardTally.DocumentId))!.Counts.Patients.ShouldBe(registrations);
        }
    }

    private static async Task RegisterPatientsAsync(Journey writer)
    {
        for (var i = 0; i < RegistrationsPerWriter; i++)
            await writer.AnotherPatient().RegisterPatientAsync();
    }
}
