using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Cli;

/// <summary><c>dev-token</c> issues a regulator's token of several clinics or of a jurisdiction, and nothing the API would refuse.</summary>
public class RegulatorDevTokenTests(RegulatorApiHost host) : IClassFixture<RegulatorApiHost>
{
    [Fact]
    public async Task A_regulators_token_of_several_clinics_reads_each_when_it_names_one()
    {
        var a = await new Journey(host).ReadyForTreatmentAsync();
        var b = await new Journey(host).ReadyForTreatmentAsync();

        var regulator = await TokenAsync("--clinics", a.Clinic, b.Clinic);

        (await regulator.GetOkAsync($"{b.PatientPath}/history?clinic={b.Clinic}"))["patientId"]!.GetValue<Guid>().ShouldBe(b.PatientId);
        await regulator.GetProblemAsync($"{a.PatientPath}/history", HttpStatusCode.BadRequest, "clinic-required");
    }

    [Fact]
    public async Task A_regulators_token_of_a_configured_jurisdiction_reads_its_clinics()
    {
        var clinic = host.JurisdictionClinics[1];
        var journey = await new Journey(host, clinic).ReadyForTreatmentAsync();

        var regulator = await TokenAsync("--jurisdiction", RegulatorApiHost.Jurisdiction);

        (await regulator.GetOkAsync($"{journey.PatientPath}/history?clinic={clinic}"))["patientId"]!.GetValue<Guid>().ShouldBe(journey.PatientId);
    }

    [Theory]
    [InlineData("clinician", "--clinics c1 c2", "Only a regulator's token may name --clinics or --jurisdiction.")]
    [InlineData("regulator", "--jurisdiction atlantis", "--jurisdiction names no jurisdiction in the configuration")]
    [InlineData("regulator", "--clinic c1 --clinics c2", "Give one of --clinic, --clinics or --jurisdiction, not several.")]
    public async Task Dev_token_refuses_clinics_the_api_would_refuse(string role, string clinics, string error)
    {
        var run = await CliRun.RunAsync(host, ["dev-token", "--user", "u1", "--role", role, .. clinics.Split(' '), "--environment", "Development"]);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldNotContain(DevTokenCommandTests.JwtStart);
        run.Errors.ShouldContain(error);
    }

    private async Task<HttpClient> TokenAsync(params string[] clinics)
    {
        var run = await CliRun.RunAsync(host, ["dev-token", "--user", "inspector", "--role", "regulator", .. clinics, "--environment", "Development"]);
        run.ExitCode.ShouldBe(0, run.Errors);
        return host.WithToken(run.OutputLines[^1]);
    }
}
