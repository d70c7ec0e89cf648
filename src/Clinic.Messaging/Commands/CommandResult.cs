namespace Clinic.Messaging.Commands;

/// <summary>What became of a command: accepted with a response, or rejected with a stable code and nothing written.</summary>
public abstract record CommandResult
{
    public const string ConcurrencyConflict = "concurrency-conflict";

    private CommandResult()
    {
    }

    public static CommandResult Accept(object? response = null) => new Accepted(response);

    public static CommandResult Reject(string code, string detail) => new Rejected(code, detail);

    public sealed record Accepted(object? Response) : CommandResult;

    public sealed record Rejected(string Code, string Detail) : CommandResult;
}
