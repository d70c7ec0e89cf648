namespace Clinic.Api.Http;

/// <summary>A caller's key for one command, with a hash of the request it came with.</summary>
public sealed record IdempotencyKey(string Key, string RequestHash);

/// <summary>The answer given to the first request with a key, kept to be given again, byte for byte.</summary>
public sealed record IdempotentReply(int Status, string? Location, string Body);

/// <summary>
/// Marten document, committed with the command's events: the key a command came with, the request it fingerprinted,
/// and the answer it got. Kept for <c>Messaging:IdempotencyRetention</c> (24 hours by default).
/// </summary>
public sealed record IdempotencyRecord(string Id, string RequestHash, IdempotentReply Reply, DateTimeOffset ExpiresAt);

/// <summary>
/// The answer an HTTP request gives if its command is accepted, handed to the Wolverine handler that commits the
/// command, which stores it under the request's idempotency key in the same transaction as the events. Wolverine
/// runs an invoked command inline, in the caller's asynchronous flow, which carries it.
/// </summary>
public static class PendingReply
{
    private static readonly AsyncLocal<Func<Commands.CommandResult, IdempotentReply>?> Current = new();

    public static IDisposable Begin(Func<Commands.CommandResult, IdempotentReply> reply)
    {
        Current.Value = reply;
        return new End();
    }

    internal static IdempotentReply? For(Commands.CommandResult accepted) => Current.Value?.Invoke(accepted);

    private sealed class End : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
