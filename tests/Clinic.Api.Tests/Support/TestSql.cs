using Clinic.Testing;
using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>Reads the test database directly, beneath an API process, with positional parameters ($1, $2...).</summary>
public static class TestSql
{
    public static async Task<IReadOnlyList<T>> RowsAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    public static async Task<long> CountAsync(string sql, params object[] parameters) =>
        (await RowsAsync(sql, reader => reader.GetInt64(0), parameters)).Single();

    /// <summary>Runs statements that return nothing (a superuser's change beneath the API, or its undoing).</summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
