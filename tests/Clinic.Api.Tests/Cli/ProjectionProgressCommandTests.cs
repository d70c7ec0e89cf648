using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Cli;

/// <summary>The <c>projection-progress</c> verb: how each projection runs, and how far the async ones are behind.</summary>
public class ProjectionProgressCommandTests(ApiHost host, IdleDaemonApiHost idle) : IClassFixture<ApiHost>, IClassFixture<IdleDaemonApiHost>
{
    [Fact]
    public async Task Events_no_daemon_applied_yet_count_as_behind()
    {
        await new Journey(idle).RegisterPatientAsync();

        var run = await CliRun.RunAsync(idle, "projection-progress");

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        run.OutputLines.ShouldContain("patient-history: inline");
        run.OutputLines.ShouldContain(line => line.StartsWith("audit-trail: async, at sequence 0, ") && !line.EndsWith(" 0 events behind"));
    }

    [Fact]
    public async Task Once_the_daemon_caught_up_nothing_is_behind()
    {
        await new Journey(host).RegisterPatientAsync();
        await host.WaitForProjectionsAsync();

        var run = await CliRun.RunAsync(host, "projection-progress");

        run.OutputLines.ShouldContain(line => line.StartsWith("audit-trail: async") && line.EndsWith(" 0 events behind"));
    }
}
