using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Clinic.Benchmarks.Ledger;

/// <summary>The ledger balance as a Marten projection, written as the application writes its own (an explicit Evolve).</summary>
public sealed class LedgerBalanceProjection : SingleStreamProjection<LedgerBalance, Guid>
{
    public LedgerBalanceProjection()
    {
        Name = "ledger-balance";
        foreach (var eventType in LedgerEventTypes.ByName.Values)
            IncludeType(eventType);
    }

    public override LedgerBalance? Evolve(LedgerBalance? snapshot, Guid id, IEvent e) =>
        LedgerBalance.Fold(snapshot, id, e.Version, e.Data);
}
