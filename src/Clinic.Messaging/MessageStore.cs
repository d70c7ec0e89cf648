using System.Text.Json;
using Clinic.Messaging.DeadLetters;
using Clinic.Messaging.Idempotency;
using Clinic.Messaging.Outbox;
using Clinic.Messaging.Schema;
using Npgsql;

namespace Clinic.Messaging;

/// <summary>
/// The durable messaging tables beside the event store, in its database and schema: the outbox of messages
/// to deliver (now or later), the inbox of handled message ids, the dead letters, and idempotency keys.
/// </summary>
public sealed class MessageStore
{
    public MessageStore(NpgsqlDataSource dataSource, string schema, JsonSerializerOptions json, MessagingOptions options)
    {
        Options = options;
        Schema = SqlIdentifier.Checked(schema, "Schema name");
        DataSource = dataSource;
        Json = json;
        DeadLetters = new DeadLetterQueue(this);
        Idempotency = new IdempotencyKeys(this);
    }

    public MessagingOptions Options { get; }
    public DeadLetterQueue DeadLetters { get; }
    internal IdempotencyKeys Idempotency { get; }
    internal string Schema { get; }
    public NpgsqlDataSource DataSource { get; }
    internal JsonSerializerOptions Json { get; }

    /// <summary>Raised after a unit of work that sent messages commits, so an in-process dispatcher looks at once.</summary>
    public event Action? MessagesCommitted;

    public Task<IReadOnlyList<int>> ApplySchemaAsync(CancellationToken cancellationToken = default) =>
        SchemaMigrator.ApplyAsync(DataSource, Schema, MessagingMigrations.HistoryTable, MessagingMigrations.All, cancellationToken: cancellationToken);

    /// <summary>Messages to send with one unit of work; enlist it in the session that commits them.</summary>
    public OutboxMessages CreateOutbox(MessageHeaders headers) => new(this, headers);

    internal void NotifyCommitted() => MessagesCommitted?.Invoke();

    internal string Serialize(object message) => JsonSerializer.Serialize(message, message.GetType(), Json);

    internal object Deserialize(string type, string body) => Options.MessageTypes.Deserialize(type, body, Json);
}
