using System.Text.Json;
using Clinic.EventStore.Daemon;
using Clinic.EventStore.Documents;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;

namespace Clinic.EventStore;

/// <summary>Everything a <see cref="DocumentStore"/> is built from.</summary>
public sealed class StoreOptions
{
    public required string ConnectionString { get; init; }

    /// <summary>The PostgreSQL schema holding the store's tables.</summary>
    public string SchemaName { get; init; } = "event_store";

    public JsonSerializerOptions Json { get; init; } = StoreJson.DefaultOptions();
    public EventTypeRegistry Events { get; } = new();
    public DocumentMappings Documents { get; } = new();
    public ProjectionRegistry Projections { get; } = new();
    public DaemonOptions Daemon { get; } = new();
}
