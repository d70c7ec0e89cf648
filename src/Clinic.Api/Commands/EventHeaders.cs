using JasperFx.Events;

namespace Clinic.Api.Commands;

/// <summary>What the events' headers record beside Marten's correlation and causation ids: who acted, in which role, and why.</summary>
public static class EventHeaders
{
    public const string ActorId = "actor-id";
    public const string ActorRole = "actor-role";
    public const string Reason = "reason";

    public static string? Of(IEvent @event, string header) =>
        @event.Headers is { } headers && headers.TryGetValue(header, out var value) ? value?.ToString() : null;
}
