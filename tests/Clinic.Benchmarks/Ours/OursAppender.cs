using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Workloads;
using Marten;

namespace Clinic.Benchmarks.Ours;

/// <summary>Marten: one lightweight session per transaction (as per command), StartStream per stream, SaveChangesAsync.</summary>
public sealed class OursAppender(IDocumentStore store) : IAppender
{
    public async Task AppendAsync(IReadOnlyList<LedgerStream> streams, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(BenchContext.Tenant);
        foreach (var stream in streams)
            session.Events.StartStream<LedgerBalance>(stream.Id, [.. stream.Events]);
        await session.SaveChangesAsync(cancellationToken);
    }
}
