using Npgsql;
using NpgsqlTypes;

namespace Clinic.EventStore.Documents;

/// <summary>
/// Document writes waiting for the unit of work to commit: the last write to a (type, tenant, id)
/// wins, and all of them become one upsert and one delete statement per document type.
/// </summary>
internal sealed class DocumentChanges
{
    private readonly Dictionary<(DocumentMapping Mapping, string TenantId, string Id), object?> _pending = [];

    public bool IsEmpty => _pending.Count == 0;

    public void Store(DocumentMapping mapping, string tenantId, object document) =>
        _pending[(mapping, tenantId, mapping.IdOf(document))] = document;

    public void Delete(DocumentMapping mapping, string tenantId, string id) =>
        _pending[(mapping, tenantId, id)] = null;

    /// <summary>Whether this unit of work already decided the document's fate, and what it is (null: deleted).</summary>
    public bool TryGetPending(DocumentMapping mapping, string tenantId, string id, out object? document) =>
        _pending.TryGetValue((mapping, tenantId, id), out document);

    public void Clear() => _pending.Clear();

    public void AddTo(NpgsqlBatch batch, string schema, System.Text.Json.JsonSerializerOptions json)
    {
        foreach (var byMapping in _pending.GroupBy(change => change.Key.Mapping))
        {
            var stores = byMapping.Where(change => change.Value is not null).ToList();
            var deletes = byMapping.Where(change => change.Value is null).ToList();
            if (stores.Count > 0)
                batch.BatchCommands.Add(Upsert(byMapping.Key, schema, stores, json));
            if (deletes.Count > 0)
                batch.BatchCommands.Add(Delete(byMapping.Key, schema, deletes.Select(d => d.Key).ToList()));
        }
    }

    private static NpgsqlBatchCommand Upsert(
        DocumentMapping mapping, string schema,
        IReadOnlyList<KeyValuePair<(DocumentMapping Mapping, string TenantId, string Id), object?>> stores,
        System.Text.Json.JsonSerializerOptions json)
    {
        var fields = mapping.Fields;
        var columns = string.Concat(fields.Select(f => ", " + f.ColumnName));
        var unnestArguments = string.Concat(fields.Select((f, i) => $", ${i + 4}::{f.SqlType}[]"));
        var updates = string.Concat(fields.Select(f => $", {f.ColumnName} = excluded.{f.ColumnName}"));
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO {schema}.{mapping.TableName} (tenant_id, id, data{columns})
            SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[]{unnestArguments})
            ON CONFLICT (tenant_id, id) DO UPDATE SET data = excluded.data, last_modified = now(){updates}
            """);
        command.Parameters.Add(TextArray(stores.Select(s => s.Key.TenantId)));
        command.Parameters.Add(TextArray(stores.Select(s => s.Key.Id)));
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
            Value = stores.Select(s => System.Text.Json.JsonSerializer.Serialize(s.Value, mapping.DocumentType, json)).ToArray(),
        });
        foreach (var field in fields)
        {
            command.Parameters.Add(new NpgsqlParameter
            {
                NpgsqlDbType = NpgsqlDbType.Array | field.DbType,
                Value = stores.Select(s => field.ValueOf(s.Value!) ?? DBNull.Value).ToArray(),
            });
        }
        return command;
    }

    private static NpgsqlBatchCommand Delete(
        DocumentMapping mapping, string schema, IReadOnlyList<(DocumentMapping Mapping, string TenantId, string Id)> keys)
    {
        var command = new NpgsqlBatchCommand($"""
            DELETE FROM {schema}.{mapping.TableName} AS d
            USING unnest($1::text[], $2::text[]) AS k (tenant_id, id)
            WHERE d.tenant_id = k.tenant_id AND d.id = k.id
            """);
        command.Parameters.Add(TextArray(keys.Select(k => k.TenantId)));
        command.Parameters.Add(TextArray(keys.Select(k => k.Id)));
        return command;
    }

    private static NpgsqlParameter TextArray(IEnumerable<string> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };
}
