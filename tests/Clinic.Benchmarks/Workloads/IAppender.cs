using Clinic.Benchmarks.Ledger;

namespace Clinic.Benchmarks.Workloads;

/// <summary>Starts the given streams in one transaction.</summary>
public interface IAppender
{
    Task AppendAsync(IReadOnlyList<LedgerStream> streams, CancellationToken cancellationToken);
}
