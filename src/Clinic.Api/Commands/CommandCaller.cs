using Clinic.Api.Http;
using Marten;
using Wolverine;

namespace Clinic.Api.Commands;

/// <summary>
/// Who sends a command, carried in the headers of its Wolverine envelope: the actor and role from the token, the
/// conversation it is part of, and the idempotency key it came with. Messages Wolverine delivers on its own (timers,
/// notifications) carry none of it: their effects are recorded as the messaging system's.
/// </summary>
public static class CommandCaller
{
    public const string SystemActor = "system:messaging";
    public const string SystemRole = "system";

    private const string IdempotencyKeyHeader = "idempotency-key";
    private const string RequestHashHeader = "idempotency-request-hash";

    public static DeliveryOptions Options(string clinicId, string actorId, string role, string correlationId, IdempotencyKey? idempotency)
    {
        var options = new DeliveryOptions { TenantId = clinicId, CorrelationId = correlationId }
            .WithHeader(EventHeaders.ActorId, actorId)
            .WithHeader(EventHeaders.ActorRole, role);
        return idempotency is null
            ? options
            : options.WithHeader(IdempotencyKeyHeader, idempotency.Key).WithHeader(RequestHashHeader, idempotency.RequestHash);
    }

    /// <summary>Marks the events <paramref name="session"/> appends with who acted, on whose behalf, and what caused them.</summary>
    public static void Stamp(IDocumentSession session, Envelope envelope)
    {
        session.CorrelationId = envelope.CorrelationId ?? envelope.Id.ToString();
        session.CausationId = envelope.Id.ToString();
        var (actorId, role) = ActorOf(envelope);
        session.SetHeader(EventHeaders.ActorId, actorId);
        session.SetHeader(EventHeaders.ActorRole, role);
    }

    /// <summary>The actor and role a command came from (the messaging system's for a message Wolverine delivers).</summary>
    public static (string Id, string Role) ActorOf(Envelope envelope) =>
        (Header(envelope, EventHeaders.ActorId) ?? SystemActor, Header(envelope, EventHeaders.ActorRole) ?? SystemRole);

    public static IdempotencyKey? IdempotencyOf(Envelope envelope) =>
        Header(envelope, IdempotencyKeyHeader) is { } key && Header(envelope, RequestHashHeader) is { } hash ? new IdempotencyKey(key, hash) : null;

    private static string? Header(Envelope envelope, string name) => envelope.Headers.TryGetValue(name, out var value) ? value : null;
}
