using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;

namespace Clinic.EventStore.Tests.Sample;

/// <summary>One document per deposit, keyed by the deposit event's id: derived from one stream, but not keyed by it.</summary>
public sealed record DepositReceipt(Guid Id, Guid LedgerId, decimal Amount);

public sealed class DepositReceiptProjection : MultiStreamProjection<DepositReceipt, Guid>, IStreamProjection
{
    public override string Name => "deposit-receipts";
    public string StreamType => LedgerStore.StreamType;
    public Type DocumentType => typeof(DepositReceipt);
    public override IReadOnlyCollection<Type> EventTypes => [typeof(Deposited)];

    protected override IEnumerable<Guid> DocumentIds(EventEnvelope @event) => [@event.Id];

    protected override DepositReceipt? Evolve(DepositReceipt? document, Guid id, EventEnvelope @event) =>
        new(id, @event.StreamId, ((Deposited)@event.Data!).Amount);
}
