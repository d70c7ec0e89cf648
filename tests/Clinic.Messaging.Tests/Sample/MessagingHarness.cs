using System.Text.Json;
using Clinic.Messaging.Commands;
using Clinic.Messaging.Delivery;
using Clinic.Testing;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Clinic.Messaging.Tests.Sample;

/// <summary>A Marten store, message store, command bus and handlers on the test server, in a schema of their own.</summary>
public sealed class MessagingHarness : IAsyncDisposable
{
    public const string Tenant = "tenant-a";

    private MessagingHarness(DocumentStore store, MessageStore messages, string schema)
    {
        Store = store;
        _schema = schema;
        Messages = messages;
        Bus = new CommandBus(store, messages, new HandlerRegistry().Add(new IncrementHandler()), new CommandBusOptions());
        Handlers = new MessageHandlerRegistry().Add(PleaseIncrement).Add(Flaky).Add(Gated).Add(Alarms);
    }

    private readonly string _schema;

    public DocumentStore Store { get; }
    public MessageStore Messages { get; }
    public CommandBus Bus { get; }
    public PleaseIncrementHandler PleaseIncrement { get; } = new();
    public FlakyHandler Flaky { get; } = new();
    public GatedHandler Gated { get; } = new();
    public EarlyAlarmHandler Alarms { get; } = new();
    public MessageHandlerRegistry Handlers { get; }

    public static async Task<MessagingHarness> CreateAsync(Action<MessagingOptions>? configure = null, string? schema = null)
    {
        schema ??= TestDatabase.UniqueSchema();
        var dataSource = NpgsqlDataSource.Create(await TestDatabase.ConnectionStringAsync());
        var options = new StoreOptions { DatabaseSchemaName = schema };
        options.Connection(dataSource);
        options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MapEventType<Incremented>("incremented.v1");
        var store = new DocumentStore(options);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var messaging = new MessagingOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(20), PollInterval = TimeSpan.FromMilliseconds(50) };
        messaging.MessageTypes.Register<PleaseIncrement>("please-increment.v1").Register<Flaky>("flaky.v1")
            .Register<Gated>("gated.v1").Register<Alarm>("alarm.v1");
        configure?.Invoke(messaging);
        var messages = new MessageStore(dataSource, schema, new JsonSerializerOptions(JsonSerializerDefaults.Web), messaging);
        await messages.ApplySchemaAsync();
        return new MessagingHarness(store, messages, schema);
    }

    public MessageDispatcher Dispatcher() => new(Messages, Handlers, Bus);

    public static CommandContext Context(string tenant = Tenant) => new(tenant, "user-1", "clerk", "correlation-1");

    public async Task<long> CounterVersionAsync(Guid counterId) =>
        (await Store.QuerySession(Tenant).Events.FetchStreamStateAsync(counterId))?.Version ?? 0;

    public async Task<IReadOnlyList<IEvent>> CounterEventsAsync(Guid counterId) =>
        await Store.QuerySession(Tenant).Events.FetchStreamAsync(counterId);

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Messages.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {_schema}.{table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Messages.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", _schema), connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Messages.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", _schema), connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Schedules a message through the outbox of a unit of work that writes nothing else.</summary>
    public async Task<Guid> ScheduleAsync(object message, DateTimeOffset at, string? key = null, string tenant = Tenant)
    {
        var outbox = Messages.CreateOutbox(new Clinic.Messaging.Outbox.MessageHeaders("correlation-1", null));
        var id = outbox.Schedule(message, at, key);
        await WriteAsync(outbox, tenant);
        return id;
    }

    public async Task CancelScheduledAsync(string key)
    {
        var outbox = Messages.CreateOutbox(new Clinic.Messaging.Outbox.MessageHeaders(null, null));
        outbox.CancelScheduled(key);
        await WriteAsync(outbox, Tenant);
    }

    private async Task WriteAsync(IUnitOfWorkParticipant participant, string tenant)
    {
        await using var connection = await Messages.DataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var command in participant.Commands(tenant))
            batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>Delivers until nothing is due (or the attempts run out).</summary>
    public async Task DrainAsync(MessageDispatcher dispatcher, int passes = 200)
    {
        for (var pass = 0; pass < passes && await CountAsync("messages") > 0; pass++)
        {
            if (await dispatcher.DeliverDueAsync() == 0)
                await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await Messages.DataSource.DisposeAsync();
    }
}
