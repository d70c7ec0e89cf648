using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Clinic.Messaging.Outbox;

/// <summary>
/// The messages a unit of work sends: written to the messages table in its transaction, so they exist if
/// and only if its events do. Cancellations are applied before new messages, so cancelling and scheduling
/// one key in the same unit of work moves it.
/// </summary>
public sealed class OutboxMessages(MessageStore store, MessageHeaders headers) : IUnitOfWorkParticipant
{
    private readonly List<OutgoingMessage> _messages = [];
    private readonly List<string> _cancelled = [];

    public bool IsEmpty => _messages.Count == 0 && _cancelled.Count == 0;

    /// <summary>Delivers <paramref name="message"/> as soon as the unit of work commits.</summary>
    public Guid Publish(object message) => Add(message, deliverAt: null, scheduleKey: null);

    /// <summary>Delivers <paramref name="message"/> at <paramref name="deliverAt"/>; under <paramref name="scheduleKey"/> it replaces an earlier one.</summary>
    public Guid Schedule(object message, DateTimeOffset deliverAt, string? scheduleKey = null) => Add(message, deliverAt, scheduleKey);

    /// <summary>Drops the message scheduled under <paramref name="scheduleKey"/>, if it was not delivered yet.</summary>
    public void CancelScheduled(string scheduleKey) => _cancelled.Add(scheduleKey);

    public IEnumerable<NpgsqlBatchCommand> Commands(string tenantId)
    {
        if (_cancelled.Count > 0)
            yield return CancelCommand(tenantId);
        if (_messages.Count > 0)
            yield return InsertCommand(tenantId);
    }

    private Guid Add(object message, DateTimeOffset? deliverAt, string? scheduleKey)
    {
        var outgoing = new OutgoingMessage(Guid.CreateVersion7(), store.Options.MessageTypes.NameOf(message.GetType()), message, deliverAt, scheduleKey);
        _messages.RemoveAll(m => scheduleKey is not null && m.ScheduleKey == scheduleKey);
        _messages.Add(outgoing);
        return outgoing.Id;
    }

    private NpgsqlBatchCommand CancelCommand(string tenantId)
    {
        var command = new NpgsqlBatchCommand($"DELETE FROM {store.Schema}.messages WHERE tenant_id = $1 AND schedule_key = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = _cancelled.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }

    /// <summary>One statement for all messages; a keyed message replaces the one already scheduled under its key.</summary>
    private NpgsqlBatchCommand InsertCommand(string tenantId)
    {
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO {store.Schema}.messages (id, tenant_id, type, body, headers, deliver_at, schedule_key)
            SELECT u.id, $1, u.type, u.body, $6, coalesce(u.deliver_at, now()), u.schedule_key
            FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::timestamptz[], $7::text[]) AS u (id, type, body, deliver_at, schedule_key)
            ON CONFLICT (tenant_id, schedule_key) WHERE schedule_key IS NOT NULL DO UPDATE SET
                id = excluded.id, type = excluded.type, body = excluded.body, headers = excluded.headers,
                deliver_at = excluded.deliver_at, attempts = 0, locked_until = NULL, claimed_by = NULL, last_error = NULL, created_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = _messages.Select(m => m.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = _messages.Select(m => m.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = _messages.Select(m => store.Serialize(m.Body)).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = _messages.Select(m => (object?)m.DeliverAt?.UtcDateTime).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(headers, store.Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = _messages.Select(m => (object?)m.ScheduleKey).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        });
        return command;
    }
}
