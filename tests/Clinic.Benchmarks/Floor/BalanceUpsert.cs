using System.Text.Json;
using Clinic.Benchmarks.Ledger;
using Npgsql;

namespace Clinic.Benchmarks.Floor;

/// <summary>The floor's write of ledger balance documents: the same row shape the store writes (data plus duplicated columns).</summary>
internal static class BalanceUpsert
{
    public static NpgsqlBatchCommand Command(string schema, IReadOnlyList<(string Tenant, LedgerBalance Document)> documents, JsonSerializerOptions json) =>
        Sql.Command($"""
            INSERT INTO {schema}.{LedgerBalance.Table} (tenant_id, id, data, owner, balance)
            SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::numeric[])
            ON CONFLICT (tenant_id, id) DO UPDATE
            SET data = excluded.data, last_modified = now(), owner = excluded.owner, balance = excluded.balance
            """,
            Sql.Value(documents.Select(d => d.Tenant).ToArray()),
            Sql.Value(documents.Select(d => d.Document.Id.ToString("D")).ToArray()),
            Sql.Jsonb(documents.Select(d => JsonSerializer.Serialize(d.Document, json)).ToArray()),
            Sql.Value(documents.Select(d => d.Document.Owner).ToArray()),
            Sql.Value(documents.Select(d => d.Document.Balance).ToArray()));
}
