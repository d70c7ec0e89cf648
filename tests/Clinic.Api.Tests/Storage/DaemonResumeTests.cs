using Clinic.Api.Tests.Support;
using Marten;

namespace Clinic.Api.Tests.Storage;

/// <summary>
/// The async daemon stopped and started again (as when the API node running it stops and another takes over) resumes
/// from the progress it recorded: nothing applied twice, nothing missed.
/// </summary>
public class DaemonResumeTests(IdleDaemonApiHost host) : IClassFixture<IdleDaemonApiHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_restarted_daemon_applies_only_the_events_written_while_it_was_stopped()
    {
        var journey = new Journey(host);
        await RegisterPatientsAsync(journey, 3);
        await RunDaemonUntilCaughtUpAsync();
        var firstRun = await StoredAudit.EntriesAsync(host, journey.Clinic);
        var progressAfterFirstRun = await StoredAudit.AuditProgressAsync(host);

        await RegisterPatientsAsync(journey, 3);
        (await StoredAudit.EntriesAsync(host, journey.Clinic)).ShouldBe(firstRun, "no daemon runs between the two");
        await RunDaemonUntilCaughtUpAsync();

        await StoredAudit.ShouldAuditEveryEventOnceInSequenceOrderAsync(host, journey.Clinic);
        var secondRun = await StoredAudit.EntriesAsync(host, journey.Clinic);
        secondRun.Count.ShouldBe(6);
        secondRun.Take(firstRun.Count).ShouldBe(firstRun, "entries of the first run are neither renumbered nor rewritten");
        var lastSequence = (await StoredAudit.EventsAsync(host, journey.Clinic))[^1].Sequence;
        progressAfterFirstRun.ShouldBeLessThan(lastSequence);
        (await StoredAudit.AuditProgressAsync(host)).ShouldBeGreaterThanOrEqualTo(lastSequence);
    }

    private static async Task RegisterPatientsAsync(Journey journey, int count)
    {
        for (var i = 0; i < count; i++)
            await journey.AnotherPatient().RegisterPatientAsync();
    }

    private async Task RunDaemonUntilCaughtUpAsync()
    {
        using var daemon = await host.Store().BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await daemon.WaitForNonStaleData(Patience);
        await daemon.StopAllAsync();
    }
}
