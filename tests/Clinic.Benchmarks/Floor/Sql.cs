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

    public static NpgsqlParameter Value(object value) => new() { Value = value };

    public static NpgsqlParameter Jsonb(string[] json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb };

    public static NpgsqlParameter Xid8(ulong transactionId) => new() { Value = transactionId, NpgsqlDbType = NpgsqlDbType.Xid8 };
}
