using System.Globalization;

namespace Clinic.Api.Integrity;

/// <summary>
/// An event's hash, computed again from its stored columns, independently of the database function that wrote it
/// (<see cref="Database.EventChainTrigger"/>, which writes the same fields in the same order).
/// </summary>
public static class EventHash
{
    /// <summary>The first field of every event's content: the version of this layout.</summary>
    public const string Format = "clinic-event/1";

    /// <summary>The type Marten gives the placeholders it writes for the sequence numbers of failed appends.</summary>
    public const string TombstoneType = "tombstone";

    /// <summary>What the first event of a stream, and every tombstone, is chained to.</summary>
    public static readonly byte[] Genesis = new byte[32];

    public static byte[] Of(byte[] previousHash, StoredEvent e)
    {
        using var hash = new CanonicalHash();
        return hash.Raw(previousHash)
            .Field(Format).Field(e.TenantId).Field(e.StreamId.ToString()).Field(Number(e.Version)).Field(Number(e.Sequence))
            .Field(e.Id.ToString()).Field(e.Type).Field(e.DotNetType).Field(Number(MicrosecondsSinceEpoch(e.Timestamp)))
            .Field(e.Data).Field(e.Headers).Field(e.CorrelationId).Field(e.CausationId)
            .Finish();
    }

    public static long MicrosecondsSinceEpoch(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
