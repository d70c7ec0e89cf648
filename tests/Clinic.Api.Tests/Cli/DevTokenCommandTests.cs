using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Cli;

public class DevTokenCommandTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Dev_token_refuses_outside_development(string environment)
    {
        var run = await CliRun.RunAsync(host, "dev-token", "--user", "u1", "--role", "clinician", "--clinic", "c1", "--environment", environment);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Errors.ShouldContain("dev-token only works in the Development environment");
    }

    [Fact]
    public async Task In_development_dev_token_prints_a_token_the_api_accepts()
    {
        var clinic = TestClinic.Unique();
        var run = await CliRun.RunAsync(host, "dev-token", "--user", "u1", "--role", "clinic-admin", "--clinic", clinic, "--environment", "Development");
        run.ExitCode.ShouldBe(0, run.Errors);
        var client = host.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", run.OutputLines[^1]);

        var patient = await client.CreateAsync("/api/patients", Journey.NewPatient(new DateOnly(1970, 5, 5)));

        var history = await new Journey(host, clinic).Practitioner.GetOkAsync($"/api/patients/{patient}/history");
        Journey.Entry(history, "patient-registered.v1")["by"]!.GetValue<string>().ShouldBe("u1");
    }

    [Fact]
    public async Task Dev_token_only_issues_known_roles()
    {
        var run = await CliRun.RunAsync(host, "dev-token", "--user", "u1", "--role", "root", "--clinic", "c1", "--environment", "Development");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("--role must be one of: receptionist, practitioner, clinician, clinic-admin, regulator, analyst");
    }
}
