using System.Text.Json;
using Clinic.EventStore;
using Clinic.Messaging;
using Clinic.Messaging.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace Clinic.Benchmarks.Messages;

/// <summary>A fresh schema with the store's and the messaging tables, for one side of one dispatch run; dropped on dispose.</summary>
public sealed class MessagingSchema : IAsyncDisposable
{
    private readonly BenchSchema _schema;

    private MessagingSchema(BenchContext context, BenchSchema schema, MessageStore messages)
    {
        Floor = context.Floor;
        Cancellation = context.Cancellation;
        _schema = schema;
        Messages = messages;
    }

    public DocumentStore Store => _schema.Store;
    public MessageStore Messages { get; }
    public NpgsqlDataSource Floor { get; }
    public CancellationToken Cancellation { get; }
    public string Name => Store.Schema;

    public static async Task<MessagingSchema> CreateAsync(BenchContext context)
    {
        var schema = await BenchSchema.CreateAsync(context);
        var options = new MessagingOptions();
        options.MessageTypes.Register<Ping>(Ping.TypeName);
        var messages = new MessageStore(schema.Store, options);
        await messages.ApplySchemaAsync(context.Cancellation);
        return new MessagingSchema(context, schema, messages);
    }

    /// <summary>
    /// Queues <paramref name="count"/> pings due now, as committed outboxes leave them, and vacuums the
    /// table so that both sides start from the same state.
    /// </summary>
    public async Task SeedAsync(int count)
    {
        await using (var seed = Floor.CreateCommand($"""
            INSERT INTO {Name}.messages (id, tenant_id, type, body, headers, deliver_at)
            SELECT gen_random_uuid(), $1, $2,
                   jsonb_build_object('number', n, 'note', 'reminder for appointment ' || n),
                   $4, now() - interval '1 second'
            FROM generate_series(1, $3) AS n
            """))
        {
            seed.Parameters.Add(new NpgsqlParameter { Value = BenchContext.Tenant });
            seed.Parameters.Add(new NpgsqlParameter { Value = Ping.TypeName });
            seed.Parameters.Add(new NpgsqlParameter { Value = count });
            seed.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(new MessageHeaders(null, null), Store.Options.Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await seed.ExecuteNonQueryAsync(Cancellation);
        }
        await using var vacuum = Floor.CreateCommand($"VACUUM (ANALYZE) {Name}.messages, {Name}.inbox");
        await vacuum.ExecuteNonQueryAsync(Cancellation);
    }

    /// <summary>Fails the run unless every message was handled once, recorded in the inbox and removed.</summary>
    public async Task ExpectDeliveredAsync(PingCounter handler, int count)
    {
        var expectedSum = (long)count * (count + 1) / 2;
        if (handler.Handled != count || handler.Sum != expectedSum)
            throw new InvalidOperationException($"{Name}: {handler.Handled} deliveries (sum {handler.Sum}), expected {count} (sum {expectedSum}).");
        await using var check = Floor.CreateCommand($"SELECT (SELECT count(*) FROM {Name}.messages), (SELECT count(*) FROM {Name}.inbox)");
        await using var reader = await check.ExecuteReaderAsync(Cancellation);
        await reader.ReadAsync(Cancellation);
        var (left, inbox) = (reader.GetInt64(0), reader.GetInt64(1));
        if (left != 0 || inbox != count)
            throw new InvalidOperationException($"{Name}: {left} messages left and {inbox} in the inbox, expected 0 and {count}.");
    }

    public ValueTask DisposeAsync() => _schema.DisposeAsync();
}
