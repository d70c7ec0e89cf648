using Clinic.Api.Database;
using Marten;
using Npgsql;

namespace Clinic.Api.Hosting;

/// <summary>
/// The database every way of running the API needs (web server or CLI verb), from the same configuration, with
/// the Marten options of the clinic's store on that database.
/// </summary>
public sealed record ClinicServices(ClinicDatabase Database, NpgsqlDataSource DataSource, string Schema) : IAsyncDisposable
{
    public static async Task<ClinicServices> OpenAsync(WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());
        var database = await ClinicDatabase.OpenAsync(builder.Configuration, loggers.CreateLogger<ClinicDatabase>(), cancellationToken);
        var dataSource = NpgsqlDataSource.Create(ClinicMarten.WithAutoPrepare(database.ConnectionString));
        return new ClinicServices(database, dataSource, ClinicMarten.SchemaOf(builder.Configuration));
    }

    public StoreOptions StoreOptions() => ClinicMarten.Options(DataSource, Schema);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Database.DisposeAsync();
    }
}
