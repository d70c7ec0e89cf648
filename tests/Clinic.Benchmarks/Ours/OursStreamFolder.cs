using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Workloads;
using Clinic.EventStore;

namespace Clinic.Benchmarks.Ours;

/// <summary>Our store: a query session per read (as per request), AggregateStreamAsync.</summary>
public sealed class OursStreamFolder(DocumentStore store) : IStreamFolder
{
    public async Task<(LedgerState State, long Version)> FoldAsync(Guid streamId, CancellationToken cancellationToken)
    {
        var aggregate = await store.QuerySession(BenchContext.Tenant).Events
            .AggregateStreamAsync(streamId, LedgerState.Initial, LedgerState.Evolve, cancellationToken: cancellationToken);
        return (aggregate.State, aggregate.Version);
    }
}
