using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;

namespace Clinic.EventStore.Tests.Sample;

public sealed class LedgerBalanceProjection : SingleStreamProjection<LedgerBalance>
{
    public override string Name => "ledger-balance";
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
