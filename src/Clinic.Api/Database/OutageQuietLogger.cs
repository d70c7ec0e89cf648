namespace Clinic.Api.Database;

/// <summary>
/// The logger of work that keeps failing while the database is out of reach (the projection daemon, the message
/// dispatcher, the health checks): during an outage its warnings and errors say nothing that the outage's own two
/// lines do not, so they are left out. Outside an outage, a warning or error waits for a probe of the database, which
/// tells an outage that has just begun (the line is left out) from a fault of the work itself (it is written).
/// </summary>
internal sealed class OutageQuietLogger<T>(ILoggerFactory loggers, DatabaseOutage outage) : ILogger<T>
{
    private readonly ILogger _logger = loggers.CreateLogger<T>();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _logger.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _logger.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel < LogLevel.Warning)
            _logger.Log(logLevel, eventId, state, exception, formatter);
        else if (!outage.IsOngoing)
            outage.HoldUntilProbed(() => _logger.Log(logLevel, eventId, state, exception, formatter));
    }
}
