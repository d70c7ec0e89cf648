using Clinic.Domain.Common;

namespace Clinic.Api.Commands;

/// <summary>What became of a command: accepted with the events it recorded, or rejected with a stable code and nothing written.</summary>
public abstract record CommandResult
{
    public const string IdempotencyKeyReused = "idempotency-key-reused";

    private CommandResult()
    {
    }

    public static CommandResult Accept(IReadOnlyList<IDomainEvent>? events = null) => new Accepted(events ?? []);

    public static CommandResult Reject(string code, string detail) => new Rejected(code, detail);

    public sealed record Accepted(IReadOnlyList<IDomainEvent> Events) : CommandResult;

    public sealed record Rejected(string Code, string Detail) : CommandResult;
}
