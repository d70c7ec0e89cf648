using Clinic.Testing;
using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// Every row of every table a host writes to, as PostgreSQL writes it as text: what anyone with the database reads.
/// That is the host's schema (Marten's, Wolverine's and the clinic's tables) and any schema no test host owns.
/// </summary>
public static class StoredText
{
    /// <returns>
    /// The tables in which <paramref name="value"/> appears, with one row that holds it: in text, or in a binary column
    /// (Wolverine's message bodies and dead letters), which the row's text shows as the hex digits of its bytes.
    /// </returns>
    public static async Task<IReadOnlyList<string>> TablesHoldingAsync(string schema, string value)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        var holding = new List<string>();
        foreach (var (tableSchema, table) in await TablesAsync(connection, schema))
        {
            await using var scan = new NpgsqlCommand($"""
                SELECT t::text FROM "{tableSchema}"."{table}" t
                WHERE position($1 IN t::text) > 0 OR position(encode(convert_to($1, 'UTF8'), 'hex') IN t::text) > 0
                LIMIT 1
                """, connection);
            scan.Parameters.Add(new NpgsqlParameter { Value = value });
            if (await scan.ExecuteScalarAsync() is string row)
                holding.Add($"{(tableSchema == schema ? table : $"{tableSchema}.{table}")}: {row}");
        }
        return holding;
    }

    /// <summary>The first column of the first row <paramref name="sql"/> reads with its one parameter (<c>$1</c>).</summary>
    public static async Task<object?> ScalarAsync(string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The tables of <paramref name="schema"/> and of every schema that is neither the system's nor another test host's.</summary>
    private static async Task<IReadOnlyList<(string Schema, string Table)>> TablesAsync(NpgsqlConnection connection, string schema)
    {
        await using var command = new NpgsqlCommand("""
            SELECT table_schema, table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE'
              AND (table_schema = $1 OR NOT starts_with(table_schema, $2) AND table_schema NOT IN ('pg_catalog', 'information_schema'))
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = TestDatabase.SchemaPrefix });
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<(string, string)>();
        while (await reader.ReadAsync())
            tables.Add((reader.GetString(0), reader.GetString(1)));
        return tables;
    }
}
