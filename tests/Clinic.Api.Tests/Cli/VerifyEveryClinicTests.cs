using System.Text.Json.Nodes;
using Clinic.Api.Tests.Integrity;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Cli;

/// <summary>
/// The <c>verify</c> verb without <c>--clinic</c> checks every clinic of the store, one report line each. A store of
/// its own, so that it holds these clinics only.
/// </summary>
public class VerifyEveryClinicTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Every_clinic_is_reported_and_a_break_in_one_fails_the_verb_in_that_clinic_only()
    {
        var tampered = await new Journey(host).ReadyForTreatmentAsync();
        var untouched = await new Journey(host).ReadyForTreatmentAsync();
        var stored = new StoredChain(host);

        var beforeTampering = await CliRun.RunAsync(host, "verify");
        await stored.TamperAsync(tampered.Clinic, tampered.PatientId,
            $"UPDATE {stored.Events} SET data = jsonb_set(data, ARRAY['tampered'], 'true') WHERE tenant_id = $1 AND stream_id = $2 AND version = 2");
        var afterTampering = await CliRun.RunAsync(host, "verify");

        beforeTampering.ExitCode.ShouldBe(0, beforeTampering.Output + beforeTampering.Errors);
        var untouchedStore = Reports(beforeTampering);
        untouchedStore.Keys.Order().ShouldBe(new[] { tampered.Clinic, untouched.Clinic }.Order());
        untouchedStore.Values.ShouldAllBe(report => Verified(report));
        foreach (var (clinic, report) in untouchedStore)
            report["eventsChecked"]!.GetValue<long>().ShouldBe(await stored.EventCountAsync(clinic));
        afterTampering.ExitCode.ShouldNotBe(0);
        var reports = Reports(afterTampering);
        reports.Keys.Order().ShouldBe(untouchedStore.Keys.Order());
        reports[tampered.Clinic]["verified"]!.GetValue<bool>().ShouldBeFalse();
        reports[tampered.Clinic]["breaks"]!.ToJsonString().ShouldBe($$"""[{"streamId":"{{tampered.PatientId}}","version":2,"kind":"altered"}]""");
        Verified(reports[untouched.Clinic]).ShouldBeTrue(reports[untouched.Clinic].ToJsonString());
    }

    private static bool Verified(JsonNode report) => report["verified"]!.GetValue<bool>() && report["breaks"]!.AsArray().Count == 0;

    /// <summary>Each clinic's report line, by clinic.</summary>
    private static Dictionary<string, JsonNode> Reports(CliRun run) =>
        run.OutputLines.Where(line => line.StartsWith('{')).Select(line => JsonNode.Parse(line)!)
            .ToDictionary(report => report["clinic"]!.GetValue<string>());
}
