using Clinic.Api.Database;
using Clinic.Api.Privacy;
using Marten;
using Npgsql;

namespace Clinic.Api.Hosting;

/// <summary>
/// The database every way of running the API needs (web server or CLI verb), from the same configuration, with
/// the Marten options of the clinic's store on that database.
/// </summary>
public sealed record ClinicServices(ClinicDatabase Database, NpgsqlDataSource DataSource, string Schema, PersonalKeys Keys, bool PartitionByTenant)
    : IAsyncDisposable
{
    public const string DataSourceName = "clinic";

    public static async Task<ClinicServices> OpenAsync(WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());
        var database = await ClinicDatabase.OpenAsync(builder.Configuration, loggers.CreateLogger<ClinicDatabase>(), cancellationToken);
        // Named: Npgsql's spans and pool metrics carry the data source's name, by default its connection string.
        var dataSource = new NpgsqlDataSourceBuilder(await ClinicMarten.ForTheStoreAsync(database.ConnectionString, cancellationToken)) { Name = DataSourceName }
            .ConfigureTracing(TelemetrySetup.TraceCommandsOfOperations).Build();
        var schema = ClinicMarten.SchemaOf(builder.Configuration);
        var keyCacheTtl = builder.Configuration.GetValue("Clinic:PersonalKeyCacheTtl", PersonalKeys.DefaultCacheTtl);
        return new ClinicServices(database, dataSource, schema, new PersonalKeys(dataSource, schema, TimeProvider.System, keyCacheTtl),
            ClinicMarten.PartitionsByTenant(builder.Configuration));
    }

    public StoreOptions StoreOptions() => ClinicMarten.Options(DataSource, Schema, Keys, PartitionByTenant);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Database.DisposeAsync();
    }
}
