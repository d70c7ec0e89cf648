using Clinic.Api.Dashboard;
using Clinic.Api.Tests.Support;
using Marten;
using Xunit.Abstractions;

namespace Clinic.Api.Tests.Storage;

/// <summary>
/// Sequence numbers that commit out of order, or never: Marten's daemon (as the API runs it) holds its async projections
/// before an append still in flight and applies it once committed, and skips the number of a rolled-back append.
/// </summary>
public class SequenceGapTests(ApiHost host, ITestOutputHelper output) : IClassFixture<ApiHost>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Longer than Marten's StaleSequenceThreshold (3 s), after which a gap whose append is no longer alive is skipped.</summary>
    private static readonly TimeSpan HeldFor = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_append_committed_after_a_later_one_is_applied_by_every_async_projection_once_in_sequence_order()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        await host.WaitForProjectionsAsync();

        await using var held = await HeldRegistration.BeginAsync(host, journey.Clinic, journey.PatientId);
        var later = await journey.AnotherPatient().RegisterPatientAsync();
        await Task.Delay(HeldFor);
        output.WriteLine($"Held {HeldFor.TotalSeconds} s: later registration audited meanwhile: {await StoredAudit.IsAuditedAsync(host, journey.Clinic, later.PatientId)}; " +
                         $"audit progress {await StoredAudit.AuditProgressAsync(host)}");
        await held.CommitAsync();
        await host.WaitForProjectionsAsync();

        var events = await StoredAudit.EventsAsync(host, journey.Clinic);
        var heldSequence = events.Single(e => e.StreamId == held.PatientId).Sequence;
        var laterSequence = events.Single(e => e.StreamId == later.PatientId).Sequence;
        heldSequence.ShouldBeLessThan(laterSequence, "the held append took its number first and committed last");
        await StoredAudit.ShouldAuditEveryEventOnceInSequenceOrderAsync(host, journey.Clinic);
        var trail = await AuditTrail.EntriesAsync(journey.Admin);
        trail.Take(events.Count).Select(e => e["id"]!.GetValue<Guid>()).ShouldBe(events.Select(e => e.Id));
        (await DashboardAsync(journey.Clinic)).Counts.Patients.ShouldBe(3);
    }

    [Fact]
    public async Task A_rolled_back_append_leaves_a_gap_that_later_events_are_applied_past()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        var latency = await StoredAudit.TimeUntilAuditedAsync(host, journey.Clinic, journey.PatientId, Bound);

        await using (var rolledBack = await HeldRegistration.BeginAsync(host, journey.Clinic, journey.PatientId))
            await rolledBack.RollbackAsync();
        var afterGap = await journey.AnotherPatient().RegisterPatientAsync();
        var delay = await StoredAudit.TimeUntilAuditedAsync(host, journey.Clinic, afterGap.PatientId, Bound);

        output.WriteLine($"Registration to audit entry: {latency.TotalMilliseconds:F0} ms without a gap, {delay.TotalMilliseconds:F0} ms past a rolled-back append");
        await host.WaitForProjectionsAsync();
        await StoredAudit.ShouldAuditEveryEventOnceInSequenceOrderAsync(host, journey.Clinic);
        var sequences = (await StoredAudit.EventsAsync(host, journey.Clinic)).Select(e => e.Sequence).ToList();
        sequences[1].ShouldBeGreaterThan(sequences[0] + 1, "the rolled-back append's number is missing between the two registrations");
        (await DashboardAsync(journey.Clinic)).Counts.Patients.ShouldBe(2);
    }

    private async Task<DashboardTally> DashboardAsync(string clinic)
    {
        await using var session = host.Store().QuerySession(clinic);
        return (await session.LoadAsync<DashboardTally>(DashboardTally.DocumentId))!;
    }
}
