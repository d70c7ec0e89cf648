using Clinic.Benchmarks.Ledger;

namespace Clinic.Benchmarks.Workloads;

/// <summary>Reads one ledger stream and folds it into the state a command handler decides on.</summary>
public interface IStreamFolder
{
    Task<(LedgerState State, long Version)> FoldAsync(Guid streamId, CancellationToken cancellationToken);
}
