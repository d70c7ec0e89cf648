using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;

namespace Clinic.Benchmarks.Ledger;

public sealed class LedgerBalanceProjection : SingleStreamProjection<LedgerBalance>
{
    public override string Name => "ledger-balance";
    public override bool ReadsMetadata => false;
    public override bool UsesEventPositions => false;
    public override string StreamType => LedgerEventTypes.StreamType;
    public override IReadOnlyCollection<Type> EventTypes => [.. LedgerEventTypes.ByName.Values];

    protected override LedgerBalance? Evolve(LedgerBalance? document, Guid id, EventEnvelope @event) =>
        LedgerBalance.Evolve(document, id, @event.Version, @event.Data);
}
