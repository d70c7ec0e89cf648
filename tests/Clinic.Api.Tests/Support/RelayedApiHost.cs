using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// The API reaching the test database through a relay the test can cut, without the daemon, everything
/// it logs (at the shipped levels) kept in <see cref="Logs"/>.
/// </summary>
public sealed class RelayedApiHost : ApiHost
{
    public TcpRelay Relay { get; private set; } = null!;
    public CapturedLogs Logs { get; } = new();

    public override async Task InitializeAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(await Clinic.Testing.TestDatabase.ConnectionStringAsync());
        Relay = TcpRelay.Start(database.Host!, database.Port);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Relay.DisposeAsync();
    }

    /// <summary>The log lines, of any category, that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> LinesContaining(string text) =>
        Logs.Lines.Where(line => line.Message.Contains(text, StringComparison.Ordinal)).Select(line => line.Message).ToList();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings()
    {
        var viaRelay = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Relay.Port, Pooling = true };
        yield return new("ConnectionStrings:Clinic", viaRelay.ConnectionString);
        yield return new("Clinic:RunDaemon", "false");
        yield return new("Logging:LogLevel:Default", "Information");
        yield return new("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
    }

    protected override void Configure(WebApplicationBuilder builder) => builder.Logging.AddProvider(Logs);
}
