using System.Net;
using Clinic.Api.Tests.Support;

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
}
