using System.Net.Sockets;
using Npgsql;

namespace Clinic.Api.Database;

/// <summary>
/// Tells a database that cannot be reached (refused or broken connections, a server shutting down or starting up,
/// no connection slot left) from a fault of the statement or of the code that ran it.
/// </summary>
internal static class DatabaseFailures
{
    /// <summary>admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; class 08 is connection exceptions.</summary>
    private static readonly HashSet<string> UnavailableServerStates = ["57P01", "57P02", "57P03", "53300"];

    public static bool IsUnreachable(Exception error) => Chain(error).Any(IsConnectionFailure);

    /// <summary>What the log may say of such a failure: its types and SQLSTATE, never its message.</summary>
    public static string Describe(Exception error)
    {
        var failure = Chain(error).First(IsConnectionFailure);
        return failure switch
        {
            PostgresException postgres => $"{nameof(PostgresException)} {postgres.SqlState}",
            _ => $"{failure.GetType().Name}: {failure.InnerException!.GetType().Name}",
        };
    }

    private static bool IsConnectionFailure(Exception error) => error switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || UnavailableServerStates.Contains(postgres.SqlState),
        NpgsqlException npgsql => npgsql.InnerException is IOException or SocketException or TimeoutException,
        _ => false,
    };

    /// <summary>The exception and those it wraps, those of an <see cref="AggregateException"/> included.</summary>
    private static IEnumerable<Exception> Chain(Exception error)
    {
        yield return error;
        var inner = error is AggregateException aggregate ? aggregate.InnerExceptions : error.InnerException is { } one ? [one] : [];
        foreach (var wrapped in inner.SelectMany(Chain))
            yield return wrapped;
    }
}
