using Clinic.Api.Database;
using Clinic.EventStore;
using Clinic.Messaging;

namespace Clinic.Api.Hosting;

/// <summary>The database, event store and message store every way of running the API needs (web server or CLI verb), from the same configuration.</summary>
public sealed record ClinicServices(ClinicDatabase Database, DocumentStore Store, MessageStore Messages) : IAsyncDisposable
{
    public static async Task<ClinicServices> OpenAsync(WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());
        var database = await ClinicDatabase.OpenAsync(builder.Configuration, loggers.CreateLogger<ClinicDatabase>(), cancellationToken);
        try
        {
            var store = ClinicStoreFactory.Create(database.ConnectionString, builder.Configuration);
            await store.ApplySchemaAsync(cancellationToken);
            var messages = new MessageStore(store, MessagingSetup.Options(builder.Configuration));
            await messages.ApplySchemaAsync(cancellationToken);
            return new ClinicServices(database, store, messages);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Database.DisposeAsync();
    }
}
