namespace Clinic.EventStore.Events;

/// <summary>
/// A place in the global commit order. Events are ordered by the id of the transaction that wrote
/// them, then by sequence: once every transaction below a given id has ended, no event can appear
/// before that point any more, so a reader that only goes that far never skips one.
/// </summary>
public readonly record struct EventPosition(ulong TransactionId, long Sequence) : IComparable<EventPosition>
{
    public static readonly EventPosition Start = new(0, 0);

    public int CompareTo(EventPosition other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Sequence.CompareTo(other.Sequence);
    }

    public static bool operator <(EventPosition left, EventPosition right) => left.CompareTo(right) < 0;
    public static bool operator >(EventPosition left, EventPosition right) => left.CompareTo(right) > 0;
    public static bool operator <=(EventPosition left, EventPosition right) => left.CompareTo(right) <= 0;
    public static bool operator >=(EventPosition left, EventPosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{TransactionId}:{Sequence}";
}
