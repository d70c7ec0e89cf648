using Clinic.EventStore.Documents;
using Npgsql;

namespace Clinic.EventStore.Schema;

/// <summary>
/// Brings the store's schema up to date at start-up: numbered migrations, then document tables.
/// Idempotent, and serialized by an advisory lock so nodes starting together do not race.
/// </summary>
internal static class SchemaMigrator
{
    public static async Task<IReadOnlyList<int>> ApplyAsync(StoreContext store, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        var lockKey = AdvisoryLockKey.For(store.Schema + ":schema");
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, lockKey);
        try
        {
            await ExecuteAsync(connection, $"""
                CREATE SCHEMA IF NOT EXISTS {store.Schema};
                CREATE TABLE IF NOT EXISTS {store.Schema}.schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await AppliedVersionsAsync(connection, store.Schema, cancellationToken);
            var newlyApplied = new List<int>();
            foreach (var migration in Migrations.All.Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, store.Schema, migration, cancellationToken);
                newlyApplied.Add(migration.Version);
            }
            foreach (var mapping in store.Options.Documents.All)
                await ExecuteAsync(connection, DocumentTables.CreateOrUpdate(mapping, store.Schema), cancellationToken);
            return newlyApplied;
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, lockKey);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string schema, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, migration.Sql.Replace("{schema}", schema), cancellationToken);
        await ExecuteAsync(connection, $"INSERT INTO {schema}.schema_migrations (version, name) VALUES ($1, $2)",
            cancellationToken, migration.Version, migration.Name);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version FROM {schema}.schema_migrations", connection);
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
