using Npgsql;
using NpgsqlTypes;

namespace Clinic.Benchmarks.Floor;

/// <summary>Small builders for the floor's plain Npgsql statements.</summary>
internal static class Sql
{
    public static NpgsqlBatchCommand Command(string text, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(text);
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>
    /// A command prepared on the connection. Npgsql keeps prepared statements on the pooled physical
    /// connection, so after the first use this costs no round trip and the server skips parse and plan.
    /// </summary>
    public static async Task<NpgsqlCommand> PreparedAsync(
        NpgsqlConnection connection, string text, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(text, connection);
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    /// <summary>Runs the statements in one round trip, prepared as <see cref="PreparedAsync"/> is.</summary>
    public static async Task ExecutePreparedAsync(NpgsqlConnection connection, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var command in commands)
            batch.BatchCommands.Add(command);
        await batch.PrepareAsync(cancellationToken);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static NpgsqlParameter Value(object value) => new() { Value = value };

    public static NpgsqlParameter NullableText(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter Jsonb(string[] json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb };

    public static NpgsqlParameter Xid8(ulong transactionId) => new() { Value = transactionId, NpgsqlDbType = NpgsqlDbType.Xid8 };
}
