using Clinic.Testing;
using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>Every row of every table in a host's schema, as PostgreSQL writes it as text: what anyone with the database reads.</summary>
public static class StoredText
{
    /// <returns>The tables of the schema in which <paramref name="value"/> appears, with one row that holds it.</returns>
    public static async Task<IReadOnlyList<string>> TablesHoldingAsync(string schema, string value)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        var holding = new List<string>();
        foreach (var table in await TablesAsync(connection, schema))
        {
            await using var scan = new NpgsqlCommand($"SELECT t::text FROM \"{schema}\".\"{table}\" t WHERE position($1 IN t::text) > 0 LIMIT 1", connection);
            scan.Parameters.Add(new NpgsqlParameter { Value = value });
            if (await scan.ExecuteScalarAsync() is string row)
                holding.Add($"{table}: {row}");
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

    private static async Task<IReadOnlyList<string>> TablesAsync(NpgsqlConnection connection, string schema)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
            tables.Add(reader.GetString(0));
        return tables;
    }
}
