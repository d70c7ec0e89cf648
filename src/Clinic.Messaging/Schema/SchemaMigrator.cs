using Npgsql;

namespace Clinic.Messaging.Schema;

/// <summary>
/// Brings a component's tables up to date at start-up: its numbered migrations, recorded in a history
/// table of its own, then any idempotent DDL it adds. Serialized by an advisory lock so that nodes
/// starting together do not race. The store uses it, and so can components that share its database.
/// </summary>
public static class SchemaMigrator
{
    /// <returns>The versions applied now (none when the schema was up to date).</returns>
    public static async Task<IReadOnlyList<int>> ApplyAsync(
        NpgsqlDataSource dataSource, string schema, string historyTable, IReadOnlyList<Migration> migrations,
        IEnumerable<string>? idempotentDdl = null, CancellationToken cancellationToken = default)
    {
        SqlIdentifier.Checked(schema, "Schema name");
        SqlIdentifier.Checked(historyTable, "History table");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lockKey = AdvisoryLockKey.For(schema + ":schema");
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, lockKey);
        try
        {
            await ExecuteAsync(connection, $"""
                CREATE SCHEMA IF NOT EXISTS {schema};
                CREATE TABLE IF NOT EXISTS {schema}.{historyTable} (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await AppliedVersionsAsync(connection, schema, historyTable, cancellationToken);
            var newlyApplied = new List<int>();
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
            {
                await ApplyAsync(connection, schema, historyTable, migration, cancellationToken);
                newlyApplied.Add(migration.Version);
            }
            foreach (var ddl in idempotentDdl ?? [])
                await ExecuteAsync(connection, ddl, cancellationToken);
            return newlyApplied;
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, lockKey);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string schema, string historyTable, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, migration.Sql.Replace("{schema}", schema), cancellationToken);
        await ExecuteAsync(connection, $"INSERT INTO {schema}.{historyTable} (version, name) VALUES ($1, $2)",
            cancellationToken, migration.Version, migration.Name);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, string schema, string historyTable, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version FROM {schema}.{historyTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
            versions.Add(reader.GetInt32(0));
        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
