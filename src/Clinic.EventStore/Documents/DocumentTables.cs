namespace Clinic.EventStore.Documents;

/// <summary>DDL for a document table: created on first start, new duplicated fields added later, never dropped.</summary>
internal static class DocumentTables
{
    public static string CreateOrUpdate(DocumentMapping mapping, string schema)
    {
        var table = $"{schema}.{mapping.TableName}";
        var statements = new List<string>
        {
            $"""
            CREATE TABLE IF NOT EXISTS {table} (
                tenant_id     text        NOT NULL,
                id            text        NOT NULL,
                data          jsonb       NOT NULL,
                last_modified timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (tenant_id, id)
            )
            """,
        };
        foreach (var field in mapping.Fields)
        {
            statements.Add($"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {field.ColumnName} {field.SqlType}");
            statements.Add(
                $"CREATE INDEX IF NOT EXISTS {mapping.TableName}_{field.ColumnName} ON {table} (tenant_id, {field.ColumnName})");
        }
        return string.Join(";\n", statements) + ";";
    }
}
