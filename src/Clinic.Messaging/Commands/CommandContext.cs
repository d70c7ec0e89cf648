using Clinic.EventStore.Events;

namespace Clinic.Messaging.Commands;

/// <summary>On whose behalf a command runs: the tenant it belongs to, the actor, and the conversation it is part of.</summary>
public sealed record CommandContext(string TenantId, string ActorId, string ActorRole, string CorrelationId)
{
    /// <summary>Identifies this invocation; recorded as the causation id of the events it appends.</summary>
    public Guid CommandId { get; init; } = Guid.CreateVersion7();

    internal EventMetadata ToMetadata() => new()
    {
        ActorId = ActorId,
        ActorRole = ActorRole,
        CorrelationId = CorrelationId,
        CausationId = CommandId.ToString(),
    };
}
