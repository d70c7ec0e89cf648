using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Workloads;
using Marten;

namespace Clinic.Benchmarks.Ours;

/// <summary>Marten: a query session per read (as per request), FetchStreamAsync, the same fold as the floor's.</summary>
public sealed class OursStreamFolder(IDocumentStore store) : IStreamFolder
{
    public async Task<(LedgerState State, long Version)> FoldAsync(Guid streamId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(BenchContext.Tenant);
        var events = await session.Events.FetchStreamAsync(streamId, token: cancellationToken);
        return (events.Aggregate(LedgerState.Initial, (state, e) => LedgerState.Evolve(state, e.Data)), events.Count == 0 ? 0 : events[^1].Version);
    }
}
