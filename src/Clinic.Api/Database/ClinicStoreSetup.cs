using Clinic.Domain.Common;
using Clinic.EventStore;

namespace Clinic.Api.Database;

/// <summary>The clinic's registrations on the generic store: every domain event by its stable name, documents and projections.</summary>
public static class ClinicStoreSetup
{
    public static void Configure(StoreOptions options)
    {
        foreach (var eventType in EventCatalog.All)
            options.Events.Register(eventType.ClrType, eventType.Name);
        options.Daemon.PollInterval = TimeSpan.FromMilliseconds(250);
    }
}
