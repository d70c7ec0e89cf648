using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;

namespace Clinic.EventStore.Tests.Sample;

/// <param name="usesEventPositions">It reads none; false lets it run inline before the append, in one round trip.</param>
public sealed class LedgerBalanceProjection(bool usesEventPositions = true) : SingleStreamProjection<LedgerBalance>
{
    public override string Name => "ledger-balance";
    public override bool UsesEventPositions => usesEventPositions;
    public override string StreamType => "ledger";
    public override IReadOnlyCollection<Type> EventTypes => [typeof(LedgerOpened), typeof(Deposited), typeof(Withdrawn)];

    protected override LedgerBalance? Evolve(LedgerBalance? document, Guid id, EventEnvelope @event) => @event.Data switch
    {
        LedgerOpened opened => new LedgerBalance(id, opened.Owner, 0, 0, @event.Version),
        Deposited d when document is not null => document with { Balance = document.Balance + d.Amount, Movements = document.Movements + 1, Version = @event.Version },
        Withdrawn w when document is not null => document with { Balance = document.Balance - w.Amount, Movements = document.Movements + 1, Version = @event.Version },
        _ => document,
    };
}
