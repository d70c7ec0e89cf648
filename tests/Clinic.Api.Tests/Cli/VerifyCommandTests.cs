using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Integrity;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Cli;

/// <summary>The <c>verify</c> verb (a process of its own, as run): the same report as <c>GET /api/integrity</c>, one JSON line per clinic.</summary>
public class VerifyCommandTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task An_untouched_clinic_verifies_and_the_verb_succeeds()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();

        var run = await CliRun.RunAsync(host, "verify", "--clinic", journey.Clinic);

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        var report = Report(run);
        report["clinic"]!.GetValue<string>().ShouldBe(journey.Clinic);
        report["verified"]!.GetValue<bool>().ShouldBeTrue();
        report["eventsChecked"]!.GetValue<long>().ShouldBe(await new StoredChain(host).EventCountAsync(journey.Clinic));
    }

    [Fact]
    public async Task Checkpoints_rewound_past_an_exported_one_fail_the_verb_though_the_rest_of_the_chain_holds()
    {
        var journey = await new Journey(host).RegisterPatientAsync();
        await journey.Admin.PostOkAsync("/api/integrity/checkpoints", new { }, HttpStatusCode.OK);
        await new Journey(host, journey.Clinic).RegisterPatientAsync();
        var exported = await journey.Admin.PostOkAsync("/api/integrity/checkpoints", new { }, HttpStatusCode.OK);
        var file = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, exported.ToJsonString());
        var stored = new StoredChain(host);

        await stored.ExecuteAsync($"DELETE FROM {stored.Checkpoints} WHERE tenant_id = $1 AND sequence = 2", journey.Clinic, journey.PatientId);
        var withoutExport = await CliRun.RunAsync(host, "verify", "--clinic", journey.Clinic);
        var withExport = await CliRun.RunAsync(host, "verify", "--checkpoint", file);
        File.Delete(file);

        withoutExport.ExitCode.ShouldBe(0, withoutExport.Output + withoutExport.Errors);
        withExport.ExitCode.ShouldNotBe(0);
        var report = Report(withExport);
        report["clinic"]!.GetValue<string>().ShouldBe(journey.Clinic);
        report["verified"]!.GetValue<bool>().ShouldBeFalse();
        report["breaks"]!.ToJsonString().ShouldBe("""[{"streamId":null,"version":2,"kind":"checkpoint-invalid"}]""");
    }

    private static JsonNode Report(CliRun run) => JsonNode.Parse(run.OutputLines.Single(line => line.StartsWith('{')))!;
}
