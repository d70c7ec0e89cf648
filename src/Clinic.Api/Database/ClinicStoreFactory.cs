using Clinic.EventStore;

namespace Clinic.Api.Database;

/// <summary>Builds the clinic's event store: its events, documents and projections on the configured schema.</summary>
public static class ClinicStoreFactory
{
    public static DocumentStore Create(string connectionString, IConfiguration configuration)
    {
        var options = new StoreOptions
        {
            ConnectionString = connectionString,
            SchemaName = configuration["Clinic:Schema"] ?? "clinic",
        };
        ClinicStoreSetup.Configure(options);
        return new DocumentStore(options);
    }
}
