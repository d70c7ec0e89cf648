using System.Data;
using Clinic.Api.Database;
using Npgsql;

namespace Clinic.Api.Integrity;

/// <summary>
/// Checks a clinic's events against their hash chain and its checkpoints: the events and the hash rows are read side by
/// side in stream order on two connections, one stream at a time, so memory holds one stream and the heads of the
/// latest checkpoint, whatever the size of the store.
/// </summary>
public sealed class IntegrityVerifier(IntegrityDatabase database, CheckpointStore checkpoints, CheckpointSigner signer)
{
    public async Task<IntegrityReport> VerifyAsync(string clinic, ExportedCheckpoint? exported, CancellationToken ct)
    {
        var stored = await checkpoints.AllAsync(clinic, ct);
        var breaks = CheckpointChain.Breaks(stored, signer, exported).ToList();
        var heads = CheckpointChain.HeadsOf(stored);
        long eventsChecked = 0;
        await foreach (var stream in StreamsAsync(clinic, ct))
        {
            eventsChecked += stream.Events.Count;
            heads.Remove(stream.StreamId, out var head);
            breaks.AddRange(Breaks(stream, head));
        }
        breaks.AddRange(heads.Keys.Select(streamId => new ChainBreak(streamId, null, BreakKinds.StreamMissing)));
        return new IntegrityReport(clinic, breaks.Count == 0, eventsChecked, breaks);
    }

    private static IEnumerable<ChainBreak> Breaks(StoredStream stream, StreamHead? head)
    {
        if (stream.Events.Count == 0)
            return [new ChainBreak(stream.StreamId, null, BreakKinds.StreamMissing)];
        var breaks = StreamCheck.Breaks(stream.StreamId, stream.Events, stream.Links);
        return head is null ? breaks : breaks.Concat(HeadBreaks(stream, head));
    }

    /// <summary>
    /// The checkpoint's head against the chain: still there with its hash, or the versions up to it gone from the end of
    /// the stream (a gap within the stream is the chain's own break).
    /// </summary>
    private static IEnumerable<ChainBreak> HeadBreaks(StoredStream stream, StreamHead head)
    {
        if (stream.Links.FirstOrDefault(link => link.Version == head.Version) is { } link)
            return Convert.ToHexStringLower(link.Hash) == head.Hash ? [] : [new ChainBreak(stream.StreamId, head.Version, BreakKinds.CheckpointInvalid)];
        var last = Math.Max(stream.Events[^1].Version, stream.Links.Count > 0 ? stream.Links[^1].Version : 0);
        return Enumerable.Range(1, (int)Math.Max(0, head.Version - last))
            .Select(offset => new ChainBreak(stream.StreamId, last + offset, BreakKinds.Missing));
    }

    private sealed record StoredStream(Guid StreamId, IReadOnlyList<StoredEvent> Events, IReadOnlyList<StoredLink> Links);

    /// <summary>
    /// Each stream with events or hash rows, with both, merged by stream id in PostgreSQL's uuid order. The two
    /// connections read the same snapshot, so an event appended meanwhile is seen with its hash or not at all.
    /// </summary>
    private async IAsyncEnumerable<StoredStream> StreamsAsync(string clinic, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var eventsConnection = await database.DataSource.OpenConnectionAsync(ct);
        await using var linksConnection = await database.DataSource.OpenConnectionAsync(ct);
        await using var eventsTransaction = await eventsConnection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var linksTransaction = await linksConnection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await ShareSnapshotAsync(eventsConnection, linksConnection, ct);
        await using var events = Grouped(eventsConnection, EventsSql, clinic, ReadEvent, ct).GetAsyncEnumerator(ct);
        await using var links = Grouped(linksConnection, LinksSql, clinic, ReadLink, ct).GetAsyncEnumerator(ct);
        var hasEvents = await events.MoveNextAsync();
        var hasLinks = await links.MoveNextAsync();
        while (hasEvents || hasLinks)
        {
            var order = !hasEvents ? 1 : !hasLinks ? -1 : UuidOrder(events.Current.StreamId, links.Current.StreamId);
            var streamId = order <= 0 ? events.Current.StreamId : links.Current.StreamId;
            yield return new StoredStream(streamId, order <= 0 ? events.Current.Rows : [], order >= 0 ? links.Current.Rows : []);
            if (order <= 0)
                hasEvents = await events.MoveNextAsync();
            if (order >= 0)
                hasLinks = await links.MoveNextAsync();
        }
    }

    private static async Task ShareSnapshotAsync(NpgsqlConnection exporting, NpgsqlConnection importing, CancellationToken ct)
    {
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", exporting);
        var snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        await using var import = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''")}'", importing);
        await import.ExecuteNonQueryAsync(ct);
    }

    private string EventsSql => $"""
        SELECT stream_id, version::bigint, seq_id, id, type, mt_dotnet_type, timestamp, data::text, headers::text, correlation_id, causation_id, tenant_id
        FROM {database.Schema}.{AppendOnlyEventsGuard.EventsTable} WHERE tenant_id = $1 ORDER BY stream_id, version
        """;

    private string LinksSql => $"""
        SELECT stream_id, version, hash, previous_hash
        FROM {database.Schema}.{EventChain.HashesTable} WHERE tenant_id = $1 ORDER BY stream_id, version
        """;

    private static StoredEvent ReadEvent(NpgsqlDataReader row) => new(
        row.GetString(11), row.GetGuid(0), row.GetInt64(1), row.GetInt64(2), row.GetGuid(3), row.GetString(4), NullableText(row, 5),
        row.GetDateTime(6), row.GetString(7), NullableText(row, 8), NullableText(row, 9), NullableText(row, 10));

    private static StoredLink ReadLink(NpgsqlDataReader row) =>
        new(row.GetInt64(1), row.GetFieldValue<byte[]>(2), row.GetFieldValue<byte[]>(3));

    private static string? NullableText(NpgsqlDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    /// <summary>The rows of a query ordered by stream id (its first column), a stream at a time.</summary>
    private static async IAsyncEnumerable<(Guid StreamId, List<T> Rows)> Grouped<T>(
        NpgsqlConnection connection, string sql, string clinic, Func<NpgsqlDataReader, T> read,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var select = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = clinic } } };
        await using var reader = await select.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        var streamId = Guid.Empty;
        while (await reader.ReadAsync(ct))
        {
            var rowStream = reader.GetGuid(0);
            if (rows.Count > 0 && rowStream != streamId)
            {
                yield return (streamId, rows);
                rows = [];
            }
            streamId = rowStream;
            rows.Add(read(reader));
        }
        if (rows.Count > 0)
            yield return (streamId, rows);
    }

    /// <summary>PostgreSQL orders uuids by their bytes as written (big-endian), not as .NET's <see cref="Guid.CompareTo(Guid)"/> does.</summary>
    private static int UuidOrder(Guid left, Guid right) =>
        left.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(right.ToByteArray(bigEndian: true));
}
