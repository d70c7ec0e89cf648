using Marten;
using Clinic.Messaging.Idempotency;
using Clinic.Messaging.Outbox;

namespace Clinic.Messaging.Commands;

/// <summary>On whose behalf a command runs: the tenant it belongs to, the actor, and the conversation it is part of.</summary>
public sealed record CommandContext(string TenantId, string ActorId, string ActorRole, string CorrelationId)
{
    /// <summary>Identifies this invocation; recorded as the causation id of the events and messages it produces.</summary>
    public Guid CommandId { get; init; } = Guid.CreateVersion7();

    /// <summary>Set when the caller may retry: a second call with the same key gets the first reply.</summary>
    public IdempotencyKey? Idempotency { get; init; }

    /// <summary>Set when a delivered message issued the command: its effect is recorded in the inbox, once.</summary>
    public Guid? MessageId { get; init; }

    /// <summary>The claim under which that message is being delivered: only that claim removes it from the outbox.</summary>
    internal Guid? ClaimToken { get; init; }

    internal string CausationId => (MessageId ?? CommandId).ToString();

    /// <summary>Marks the events <paramref name="session"/> appends with who, on whose behalf and as part of what.</summary>
    internal void Stamp(IDocumentSession session)
    {
        session.CorrelationId = CorrelationId;
        session.CausationId = CausationId;
        session.SetHeader(EventHeaders.ActorId, ActorId);
        session.SetHeader(EventHeaders.ActorRole, ActorRole);
    }

    internal MessageHeaders ToHeaders() => new(CorrelationId, CausationId);
}
