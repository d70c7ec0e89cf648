using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Cli;

/// <summary>The <c>projections</c> verb: how far async projections are behind, and what holds them back.</summary>
public class ProjectionsCommandTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Events_waiting_behind_an_open_transaction_count_as_behind_and_the_transaction_is_named()
    {
        var journey = new Journey(host);
        CliRun whileHeld;
        await using (await HeldTransaction.BeginAsync(host))
        {
            await journey.RegisterPatientAsync();
            whileHeld = await CliRun.RunAsync(host, "projections");
        }
        await host.WaitForProjectionsAsync();
        var afterwards = await CliRun.RunAsync(host, "projections");

        whileHeld.ExitCode.ShouldBe(0, whileHeld.Errors);
        whileHeld.OutputLines.ShouldContain(line => line.StartsWith("audit-trail: async") && !line.EndsWith(" 0 events behind"));
        whileHeld.OutputLines.ShouldContain(line => line.StartsWith("held back: ") && line.Contains("committed events held back by transaction"));
        afterwards.OutputLines.ShouldContain(line => line.StartsWith("audit-trail: async") && line.EndsWith(" 0 events behind"));
    }
}
