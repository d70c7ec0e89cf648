using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Hosting;

/// <summary>A database out of reach is an outage to clients (503, try again later), not an error of the API (500), and one to the log.</summary>
public class DatabaseOutageTests
{
    private const string Began = "The database cannot be reached";
    private const string Ended = "The database answers again";

    [Fact]
    public async Task While_the_database_is_out_of_reach_reads_and_commands_are_503_database_unavailable_with_retry_after_and_the_log_says_so_once()
    {
        var host = new RelayedApiHost();
        await host.InitializeAsync();
        try
        {
            var journey = await new Journey(host).RegisterPatientAsync();

            host.Relay.Cut();
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await OutageAnswerAsync(await journey.Practitioner.GetAsync($"{journey.PatientPath}/history"));
                await OutageAnswerAsync(await journey.Reception.PostAsJsonAsync("/api/patients", Journey.NewPatient(new DateOnly(1990, 1, 1)), HttpJson.Options));
            }
            (await host.AnonymousClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

            host.LinesContaining(Began).Count.ShouldBe(1);
            host.LinesContaining(Ended).ShouldBeEmpty();
            host.LinesContaining("Unhandled").ShouldBeEmpty();
            host.Logs.Lines.ShouldNotContain(line => line.Category.Contains("HealthChecks"));

            host.Relay.Restore();
            await Eventually.WaitForAsync(() => host.LinesContaining(Ended).SingleOrDefault());
            Journey.Types(await journey.HistoryAsync()).ShouldBe(["patient-registered.v1"]);
            host.LinesContaining(Began).Count.ShouldBe(1);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task OutageAnswerAsync(HttpResponseMessage response)
    {
        await HttpJson.ProblemAsync(response, HttpStatusCode.ServiceUnavailable, "database-unavailable");
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
    }
}
