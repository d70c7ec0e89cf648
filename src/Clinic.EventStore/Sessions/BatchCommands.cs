using Npgsql;

namespace Clinic.EventStore.Sessions;

internal static class BatchCommands
{
    public static void AddRange(this NpgsqlBatchCommandCollection batch, IEnumerable<NpgsqlBatchCommand> commands)
    {
        foreach (var command in commands)
            batch.Add(command);
    }
}
