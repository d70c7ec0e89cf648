namespace Clinic.Api.Database;

/// <summary>
/// The logger of work that keeps failing while the database is out of reach (Marten's daemon, Wolverine's agents and
/// listeners, the health checks): during an outage its warnings and errors say nothing that the outage's own two lines
/// do not, so they are left out. Outside an outage, a warning or error waits for a probe of the database, which tells
/// an outage that has just begun (the line is left out) from a fault of the work itself (it is written). A connection
/// the outage broke, failing when next used after it (Wolverine's lock connection, say), is left out too, and for a
/// minute after an outage the warnings of what it did to background work (a leadership lock lost with the server's
/// sessions) are information: the outage's own lines are the warning.
/// </summary>
internal sealed class OutageQuietLogger(ILogger inner, Func<DatabaseOutage> outage) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel < LogLevel.Warning)
            inner.Log(logLevel, eventId, state, exception, formatter);
        else if (outage().IsAftermath(exception))
            outage().ProbeSoon(); // a new outage, begun since, is still noticed
        else if (logLevel == LogLevel.Warning && outage().IsRecent)
            inner.Log(LogLevel.Information, eventId, state, exception, formatter);
        else if (!outage().IsOngoing)
            outage().HoldUntilProbed(() => inner.Log(logLevel, eventId, state, exception, formatter));
    }
}
