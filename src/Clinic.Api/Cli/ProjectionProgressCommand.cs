using JasperFx.CommandLine;
using JasperFx.Events.Projections;
using Marten;

namespace Clinic.Api.Cli;

/// <summary>
/// <c>projection-progress</c>: how each projection runs, and how many events the async ones have yet to apply (Marten's
/// <c>projections list</c> shows how they run, not how far they are).
/// </summary>
[Description("List the projections, how each runs, and how many events the async ones are behind", Name = "projection-progress")]
public class ProjectionProgressCommand : JasperFxAsyncCommand<ClinicInput>
{
    public override async Task<bool> Execute(ClinicInput input)
    {
        using var host = input.BuildHost();
        var store = (DocumentStore)host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var progress = await store.Advanced.AllProjectionProgress();
        foreach (var projection in store.Options.Projections.All)
        {
            if (projection.Lifecycle != ProjectionLifecycle.Async)
            {
                Console.WriteLine($"{projection.Name}: {projection.Lifecycle.ToString().ToLowerInvariant()}");
                continue;
            }
            var shards = progress.Where(shard => shard.ShardName.StartsWith(projection.Name + ":", StringComparison.Ordinal)).ToList();
            if (store.Options.Events.UseTenantPartitionedEvents)
            {
                Console.WriteLine($"{projection.Name}: async, {shards.Count} clinics, {await BehindPerClinicAsync(session, projection.Name, shards)} events behind");
                continue;
            }
            var at = shards.FirstOrDefault()?.Sequence ?? 0;
            var behind = await session.Events.QueryAllRawEvents().Where(e => e.AnyTenant() && e.Sequence > at).CountAsync();
            Console.WriteLine($"{projection.Name}: async, at sequence {at}, {behind} events behind");
        }
        return true;
    }

    /// <summary>
    /// With the events partitioned by clinic, each clinic has its own sequence and its own progression row
    /// (<c>&lt;projection&gt;:All:&lt;clinic&gt;</c>): the events behind are those past each clinic's own position, and
    /// every event of a clinic the daemon has no row for yet.
    /// </summary>
    private static async Task<int> BehindPerClinicAsync(IQuerySession session, string projection, IReadOnlyList<ShardState> shards)
    {
        var behind = await session.Events.QueryAllRawEvents().Where(e => e.AnyTenant()).CountAsync();
        foreach (var shard in shards)
        {
            var shardAndClinic = shard.ShardName[(projection.Length + 1)..];
            var clinic = shardAndClinic[(shardAndClinic.IndexOf(':') + 1)..];
            var at = shard.Sequence;
            behind -= await session.Events.QueryAllRawEvents().Where(e => e.AnyTenant() && e.TenantId == clinic && e.Sequence <= at).CountAsync();
        }
        return behind;
    }
}
