using System.Text.Json.Serialization;
using System.Text.Json;
using Clinic.Domain.Common;

namespace Clinic.Domain.Tests.Support;

/// <summary>
/// Events hold lists, which records compare by reference; tests compare events by their catalog name and JSON
/// instead, which also proves every event serializes the way the event store will store it.
/// </summary>
internal static class EventFormat
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Describe(IDomainEvent @event) =>
        $"{EventCatalog.NameOf(@event)} {JsonSerializer.Serialize(@event, @event.GetType(), Options)}";

    public static IReadOnlyList<string> Describe(IEnumerable<IDomainEvent> events) => events.Select(Describe).ToList();
}
