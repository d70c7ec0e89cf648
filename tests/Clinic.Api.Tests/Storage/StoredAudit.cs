using System.Diagnostics;
using Clinic.Api.Audit;
using Clinic.Api.Tests.Support;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinic.Api.Tests.Storage;

/// <summary>What Marten stores for one clinic: its events in sequence order, and the audit trail the daemon made of them.</summary>
public static class StoredAudit
{
    public static async Task<IReadOnlyList<IEvent>> EventsAsync(ApiHost host, string clinic)
    {
        await using var session = host.Store().QuerySession(clinic);
        return await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
    }

    public static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(ApiHost host, string clinic)
    {
        await using var session = host.Store().QuerySession(clinic);
        return await session.Query<AuditEntry>().OrderBy(e => e.Position).ToListAsync();
    }

    /// <summary>
    /// Every event of the clinic has exactly one audit entry, none is missing or there twice, the positions run 1..n
    /// without gaps, and they follow the events' sequence numbers (the order in which Marten's daemon applies them).
    /// </summary>
    public static async Task ShouldAuditEveryEventOnceInSequenceOrderAsync(ApiHost host, string clinic)
    {
        var events = await EventsAsync(host, clinic);
        var entries = await EntriesAsync(host, clinic);
        entries.Select(e => e.Position).ShouldBe(Enumerable.Range(1, entries.Count).Select(p => (long)p), $"positions of {clinic}");
        entries.Select(e => e.Id).ShouldBe(events.Select(e => e.Id), $"entries of {clinic} against its events in sequence order");
        entries.Select(e => e.Sequence).ShouldBe(events.Select(e => e.Sequence));
    }

    /// <summary>How long until the daemon has audited the event(s) of <paramref name="streamId"/>; fails past <paramref name="bound"/>.</summary>
    public static async Task<TimeSpan> TimeUntilAuditedAsync(ApiHost host, string clinic, Guid streamId, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (!await IsAuditedAsync(host, clinic, streamId))
        {
            if (clock.Elapsed > bound)
                throw new TimeoutException($"The audit trail did not show stream {streamId} within {bound}.");
            await Task.Delay(10);
        }
        return clock.Elapsed;
    }

    public static async Task<bool> IsAuditedAsync(ApiHost host, string clinic, Guid streamId)
    {
        await using var session = host.Store().QuerySession(clinic);
        return await session.Query<AuditEntry>().AnyAsync(e => e.StreamId == streamId);
    }

    /// <summary>The sequence number up to which the audit trail's daemon has applied events (mt_event_progression).</summary>
    public static async Task<long> AuditProgressAsync(ApiHost host)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT coalesce(max(last_seq_id), 0) FROM {host.Schema}.mt_event_progression WHERE name LIKE 'audit-trail%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
