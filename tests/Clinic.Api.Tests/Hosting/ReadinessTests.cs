using System.Net;
using Clinic.Api.Tests.Support;
using Npgsql;

namespace Clinic.Api.Tests.Hosting;

/// <summary>Readiness follows the database: a load balancer stops sending requests while it cannot be reached.</summary>
public class ReadinessTests
{
    [Fact]
    public async Task Ready_is_503_while_the_database_does_not_answer_and_200_again_when_it_does_while_live_stays_200()
    {
        var host = new RelayedApiHost();
        await host.InitializeAsync();
        try
        {
            var client = host.AnonymousClient();
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

            host.Relay.Cut();
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

            host.Relay.Restore();
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>The API, reaching the test database through a relay the test can cut.</summary>
    private sealed class RelayedApiHost : ApiHost
    {
        public TcpRelay Relay { get; private set; } = null!;

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

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings()
        {
            var viaRelay = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Relay.Port, Pooling = true };
            yield return new("ConnectionStrings:Clinic", viaRelay.ConnectionString);
            yield return new("Clinic:RunDaemon", "false");
            yield return new("Clinic:RunDispatcher", "false");
        }
    }
}
