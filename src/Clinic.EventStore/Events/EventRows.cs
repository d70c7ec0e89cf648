using System.Text.Json;
using Npgsql;

namespace Clinic.EventStore.Events;

/// <summary>Reads event rows selected with <see cref="Columns"/> into envelopes.</summary>
internal static class EventRows
{
    /// <summary>The select list; <c>{data}</c> is the data column or an expression that nulls it out.</summary>
    public const string Columns = "e.seq_id, e.tx_id, e.id, e.stream_id, e.version, e.type, {data}, e.metadata, e.tenant_id, e.recorded_at";

    public static string SelectList(string dataExpression = "e.data") => Columns.Replace("{data}", dataExpression);

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
            Metadata: JsonSerializer.Deserialize<EventMetadata>(row.GetString(7), json) ?? EventMetadata.None,
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
