using Npgsql;

namespace Clinic.Messaging.Delivery;

/// <summary>
/// Marks a delivered message as handled and removes it (while its claim still holds it), in the transaction of
/// its effect. If another delivery of the same message got there first, the insert fails and the effect rolls back.
/// </summary>
internal sealed class InboxEntry(string schema, Guid messageId, Guid? claimToken) : IUnitOfWorkParticipant
{
    public const string Constraint = "inbox_pkey";

    public IEnumerable<NpgsqlBatchCommand> Commands(string tenantId)
    {
        var handled = new NpgsqlBatchCommand($"INSERT INTO {schema}.inbox (message_id) VALUES ($1)");
        handled.Parameters.Add(new NpgsqlParameter { Value = messageId });
        yield return handled;
        var delivered = new NpgsqlBatchCommand($"DELETE FROM {schema}.messages WHERE id = $1 AND claimed_by = $2");
        delivered.Parameters.Add(new NpgsqlParameter { Value = messageId });
        delivered.Parameters.Add(new NpgsqlParameter { Value = (object?)claimToken ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        yield return delivered;
    }
}
