using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Workloads;
using Clinic.EventStore;

namespace Clinic.Benchmarks.Ours;

/// <summary>Our store: one session per transaction, StartStream per stream, SaveChangesAsync.</summary>
public sealed class OursAppender(DocumentStore store) : IAppender
{
    public async Task AppendAsync(IReadOnlyList<LedgerStream> streams, CancellationToken cancellationToken)
    {
        var session = store.OpenSession(BenchContext.Tenant);
        foreach (var stream in streams)
            session.Events.StartStream(stream.Id, LedgerEventTypes.StreamType, [.. stream.Events]);
        await session.SaveChangesAsync(cancellationToken);
    }
}
