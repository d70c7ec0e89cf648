using System.Text.Json;
using Npgsql;

namespace Clinic.EventStore.Events;

/// <summary>Reads event rows selected with <see cref="Columns"/> into envelopes.</summary>
internal static class EventRows
{
    /// <summary>The select list; <c>{data}</c> and <c>{metadata}</c> are their columns or expressions that null them out.</summary>
    public const string Columns = "e.seq_id, e.tx_id, e.id, e.stream_id, e.version, e.type, {data}, {metadata}, e.tenant_id, e.recorded_at";

    public static string SelectList(string dataExpression = "e.data", string metadataExpression = "e.metadata") =>
        Columns.Replace("{data}", dataExpression).Replace("{metadata}", metadataExpression);

    public static EventEnvelope Read(NpgsqlDataReader row, StoreContext store)
    {
        var json = store.Options.Json;
        var storedType = row.GetString(5);
        var data = row.IsDBNull(6) ? null : store.Options.Events.Deserialize(storedType, row.GetString(6), json);
        return new EventEnvelope(
            Id: row.GetGuid(2),
            Sequence: row.GetInt64(0),
            StreamId: row.GetGuid(3),
            Version: row.GetInt64(4),
            EventType: store.Options.Events.CurrentName(storedType),
            Data: data,
            Metadata: row.IsDBNull(7) ? EventMetadata.None : JsonSerializer.Deserialize<EventMetadata>(row.GetString(7), json) ?? EventMetadata.None,
            TenantId: row.GetString(8),
            Timestamp: row.GetFieldValue<DateTimeOffset>(9),
            TransactionId: row.GetFieldValue<ulong>(1));
    }

    public static async Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(NpgsqlCommand command, StoreContext store, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<EventEnvelope>();
        while (await reader.ReadAsync(cancellationToken))
            events.Add(Read(reader, store));
        return events;
    }
}
