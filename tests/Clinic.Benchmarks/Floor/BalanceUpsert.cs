using System.Text.Json;
using Clinic.Benchmarks.Ledger;
using Npgsql;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor's write of ledger balance documents: the row Marten's upsert writes for a projected document (data, the
/// stream's version as the document's, the .NET type, the transaction's time, and the duplicated columns).
/// </summary>
internal static class BalanceUpsert
{
    public static NpgsqlBatchCommand Command(string schema, IReadOnlyList<(string Tenant, LedgerBalance Document)> documents, JsonSerializerOptions json) =>
        Sql.Command($"""
            INSERT INTO {schema}.{LedgerBalance.Table} (tenant_id, id, data, mt_dotnet_type, mt_version, mt_last_modified, owner, balance)
            SELECT u.tenant_id, u.id, u.data, $6, u.version, transaction_timestamp(), u.owner, u.balance
            FROM unnest($1::text[], $2::uuid[], $3::jsonb[], $4::text[], $5::numeric[], $7::bigint[]) AS u (tenant_id, id, data, owner, balance, version)
            ON CONFLICT (tenant_id, id) DO UPDATE
            SET data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type, mt_version = excluded.mt_version,
                mt_last_modified = excluded.mt_last_modified, owner = excluded.owner, balance = excluded.balance
            """,
            Sql.Value(documents.Select(d => d.Tenant).ToArray()),
            Sql.Value(documents.Select(d => d.Document.Id).ToArray()),
            Sql.Jsonb(documents.Select(d => JsonSerializer.Serialize(d.Document, json)).ToArray()),
            Sql.Value(documents.Select(d => d.Document.Owner).ToArray()),
            Sql.Value(documents.Select(d => d.Document.Balance).ToArray()),
            Sql.Value(typeof(LedgerBalance).FullName!),
            Sql.Value(documents.Select(d => d.Document.Version).ToArray()));
}
