using JasperFx.Events;

namespace Clinic.Api.History;

/// <summary>One entry of a patient's timeline as stored: written once, when its event is, and never rewritten.</summary>
public sealed record TimelineDocument(Guid Id, Guid PatientId, TimelineEntry Entry)
{
    /// <summary>
    /// The key of <paramref name="e"/>'s entry: the event's time in milliseconds first (as a version 7 id begins), then the
    /// rest of the event's own id, so the same event always gets the same key. Marten's event ids are random: keyed by
    /// them, every entry went to a random leaf of a primary key of millions of entries (a cold page, and its full image in
    /// the WAL after each checkpoint); keyed in time order, entries go to the index's last pages.
    /// </summary>
    public static Guid KeyOf(IEvent e)
    {
        Span<byte> key = stackalloc byte[16];
        e.Id.TryWriteBytes(key, bigEndian: true, out _);
        var milliseconds = e.Timestamp.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
            key[i] = (byte)(milliseconds >> (8 * (5 - i)));
        key[6] = (byte)(0x70 | (key[6] & 0x0F));
        return new Guid(key, bigEndian: true);
    }
}
