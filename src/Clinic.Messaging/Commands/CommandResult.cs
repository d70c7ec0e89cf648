using Clinic.Messaging.Idempotency;

namespace Clinic.Messaging.Commands;

/// <summary>
/// What became of a command: accepted with a response, rejected with a stable code and nothing written, or
/// (for a repeated idempotency key) the reply the first call got.
/// </summary>
public abstract record CommandResult
{
    public const string ConcurrencyConflict = "concurrency-conflict";
    public const string IdempotencyKeyReused = "idempotency-key-reused";

    private CommandResult()
    {
    }

    public static CommandResult Accept(object? response = null) => new Accepted(response);

    public static CommandResult Reject(string code, string detail) => new Rejected(code, detail);

    public sealed record Accepted(object? Response) : CommandResult;

    public sealed record Rejected(string Code, string Detail) : CommandResult;

    public sealed record Replayed(IdempotentReply Reply) : CommandResult;
}
