using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;

namespace Clinic.EventStore.Tests.Sample;

/// <summary>
/// Sums deposits per owner. The owner is carried in each deposit's metadata header so the projection
/// needs no lookup; the list of applied sequences makes a double or skipped application visible.
/// </summary>
public sealed class OwnerTotalsProjection : MultiStreamProjection<OwnerTotals, string>
{
    public override string Name => "owner-totals";
    public override IReadOnlyCollection<Type> EventTypes => [typeof(Deposited)];

    protected override IEnumerable<string> DocumentIds(EventEnvelope @event) =>
        @event.Metadata.Headers.TryGetValue("owner", out var owner) ? [owner] : [];

    protected override OwnerTotals? Evolve(OwnerTotals? document, string id, EventEnvelope @event)
    {
        var current = document ?? new OwnerTotals(id, 0, 0, []);
        var amount = ((Deposited)@event.Data!).Amount;
        return current with
        {
            Deposited = current.Deposited + amount,
            Deposits = current.Deposits + 1,
            Sequences = [.. current.Sequences, @event.Sequence],
        };
    }
}
