using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Clinic.Api.Auth;
using Clinic.Api.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Clinic.Api.Tests.Auth;

/// <summary>
/// A regulator's token names several clinics or a jurisdiction: each request reads the one clinic its <c>clinic</c>
/// parameter names, every look is recorded in that clinic, and nothing is ever written.
/// </summary>
public class RegulatorTests(RegulatorApiHost host) : IClassFixture<RegulatorApiHost>
{
    private const string RegulatorUser = "regulator-of-two";

    [Fact]
    public async Task A_regulator_of_two_clinics_reads_a_history_in_each_and_each_look_is_recorded_only_in_its_clinic()
    {
        var (a, b) = await TwoClinicsAsync();
        var regulator = RegulatorOf(a, b);

        (await regulator.GetOkAsync($"{a.PatientPath}/history?clinic={a.Clinic}"))["patientId"]!.GetValue<Guid>().ShouldBe(a.PatientId);
        (await regulator.GetOkAsync($"{b.PatientPath}/history?clinic={b.Clinic}"))["patientId"]!.GetValue<Guid>().ShouldBe(b.PatientId);
        await host.WaitForProjectionsAsync();

        var viewsInA = await RegulatorViewsAsync(a.Admin);
        var viewsInB = await RegulatorViewsAsync(b.Admin);
        viewsInA.ShouldHaveSingleItem()["patientId"]!.GetValue<Guid>().ShouldBe(a.PatientId);
        viewsInB.ShouldHaveSingleItem()["patientId"]!.GetValue<Guid>().ShouldBe(b.PatientId);
        viewsInA.Concat(viewsInB).ShouldAllBe(view => view["actorRole"]!.GetValue<string>() == ClinicRoles.Regulator);
    }

    [Fact]
    public async Task Who_looked_at_a_patient_lists_the_regulators_look_with_viewer_role_clinic_resource_patient_and_time()
    {
        var (a, b) = await TwoClinicsAsync();
        var regulator = RegulatorOf(a, b);
        await regulator.GetOkAsync($"{a.PatientPath}/history?clinic={a.Clinic}");
        await host.WaitForProjectionsAsync();

        var asked = $"&clinic={a.Clinic}&patientId={a.PatientId}&type=record-viewed";
        var views = await AuditTrail.EntriesAsync(regulator, asked);
        var byAdmin = await AuditTrail.EntriesAsync(a.Admin, $"&patientId={a.PatientId}&type=record-viewed");

        var view = views.First(entry => entry["actorId"]!.GetValue<string>() == RegulatorUser);
        view["actorRole"]!.GetValue<string>().ShouldBe(ClinicRoles.Regulator);
        view["clinic"]!.GetValue<string>().ShouldBe(a.Clinic);
        view["summary"]!.GetValue<string>().ShouldBe("Viewed patient-history");
        view["patientId"]!.GetValue<Guid>().ShouldBe(a.PatientId);
        var registered = (await AuditTrail.EntriesAsync(a.Admin, $"&patientId={a.PatientId}&type=patient-registered")).ShouldHaveSingleItem();
        view["recordedAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThanOrEqualTo(registered["recordedAt"]!.GetValue<DateTimeOffset>());
        byAdmin.Select(Id).ShouldContain(Id(view));
        (await AuditTrail.EntriesAsync(b.Admin, "&type=record-viewed")).Select(Id).ShouldNotContain(Id(view));
    }

    [Fact]
    public async Task A_regulator_of_one_clinic_is_403_on_another()
    {
        var (a, b) = await TwoClinicsAsync();
        var ofA = a.Client(ClinicRoles.Regulator);
        var ofAAndAnother = RegulatorOf(a.Clinic, TestClinic.Unique());

        await ofA.GetProblemAsync($"{b.PatientPath}/history?clinic={b.Clinic}", HttpStatusCode.Forbidden, "forbidden");
        await ofAAndAnother.GetProblemAsync($"{b.PatientPath}/history?clinic={b.Clinic}", HttpStatusCode.Forbidden, "forbidden");
        await ofA.GetProblemAsync($"/api/audit?clinic={b.Clinic}", HttpStatusCode.Forbidden, "forbidden");
        // Without the parameter a one-clinic token reads its own clinic, where the other's patient is unknown, as today.
        await ofA.GetProblemAsync($"{b.PatientPath}/history", HttpStatusCode.NotFound, "patient-not-found");
        await host.WaitForProjectionsAsync();
        (await AuditTrail.EntriesAsync(b.Admin, "&type=record-viewed")).ShouldNotContain(view => view["actorRole"]!.GetValue<string>() == ClinicRoles.Regulator);
    }

    [Theory]
    [InlineData(RegulatorApiHost.Jurisdiction)]
    [InlineData("NORTH-Region")]
    public async Task A_jurisdictions_regulator_reads_each_of_its_clinics_and_no_other(string spelt)
    {
        // One after the other: a journey moves the host's clock while it records, and two at once would move it under each other.
        var journeys = new List<Journey>();
        foreach (var clinic in host.JurisdictionClinics)
            journeys.Add(await new Journey(host, clinic).ReadyForTreatmentAsync());
        var outside = await new Journey(host).ReadyForTreatmentAsync();
        var regulator = host.JurisdictionRegulator(spelt);

        foreach (var journey in journeys)
            (await regulator.GetOkAsync($"{journey.PatientPath}/history?clinic={journey.Clinic}"))["patientId"]!.GetValue<Guid>().ShouldBe(journey.PatientId);
        await regulator.GetProblemAsync($"{outside.PatientPath}/history?clinic={outside.Clinic}", HttpStatusCode.Forbidden, "forbidden");
        await host.WaitForProjectionsAsync();

        foreach (var journey in journeys)
        {
            var views = await AuditTrail.EntriesAsync(journey.Admin, $"&patientId={journey.PatientId}&type=record-viewed&actor=jurisdiction-regulator");
            views.ShouldNotBeEmpty();
            views.ShouldAllBe(view => view["clinic"]!.GetValue<string>() == journey.Clinic);
        }
    }

    public static TheoryData<string> RegulatorReads => new()
    {
        "/api/patients/{patientId}/history",
        "/api/practitioners/{practitionerId}/schedule",
        "/api/audit",
        "/api/dashboard",
    };

    [Theory]
    [MemberData(nameof(RegulatorReads))]
    public async Task A_read_by_a_token_of_several_clinics_that_names_none_is_400_clinic_required_and_reads_nothing(string path)
    {
        var (a, b) = await TwoClinicsAsync();
        var before = await host.EventCountAsync();

        var problem = await RegulatorOf(a, b).GetProblemAsync(Path(path, a), HttpStatusCode.BadRequest, "clinic-required");

        problem.ToJsonString().ShouldNotContain(a.Clinic);
        problem.ToJsonString().ShouldNotContain(b.Clinic);
        (await host.EventCountAsync()).ShouldBe(before);
        await host.JurisdictionRegulator().GetProblemAsync(Path(path, a), HttpStatusCode.BadRequest, "clinic-required");
    }

    [Fact]
    public async Task The_clinic_parameter_given_twice_is_400()
    {
        var (a, b) = await TwoClinicsAsync();

        await RegulatorOf(a, b).GetProblemAsync($"{a.PatientPath}/history?clinic={a.Clinic}&clinic={b.Clinic}", HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task A_one_clinic_token_may_name_its_clinic_and_no_other()
    {
        var (a, b) = await TwoClinicsAsync();

        (await a.Practitioner.GetOkAsync($"{a.PatientPath}/history?clinic={a.Clinic}"))["patientId"]!.GetValue<Guid>().ShouldBe(a.PatientId);
        await a.Practitioner.GetProblemAsync($"{b.PatientPath}/history?clinic={b.Clinic}", HttpStatusCode.Forbidden, "forbidden");
        await a.Reception.PostProblemAsync($"/api/patients?clinic={b.Clinic}", Journey.NewPatient(new DateOnly(1980, 1, 1)), HttpStatusCode.Forbidden, "forbidden");
        await a.Reception.PostOkAsync($"/api/patients?clinic={a.Clinic}", Journey.NewPatient(new DateOnly(1980, 1, 1)));
    }

    [Fact]
    public async Task Every_write_the_api_documents_refuses_a_regulator_of_any_kind_and_records_nothing()
    {
        var (a, b) = await TwoClinicsAsync();
        var writes = await WritesAsync();
        var regulators = new[] { a.Client(ClinicRoles.Regulator), RegulatorOf(a, b), host.JurisdictionRegulator() };
        var before = await host.EventCountAsync();

        writes.Count.ShouldBeGreaterThan(20);
        foreach (var (method, path) in writes)
            foreach (var regulator in regulators)
                foreach (var query in new[] { "", $"?clinic={a.Clinic}", $"?clinic={host.JurisdictionClinics[0]}" })
                {
                    var request = new HttpRequestMessage(new HttpMethod(method), ApiPaths.WithUnknownIds(path) + query) { Content = JsonContent.Create(new { }) };
                    await HttpJson.ProblemAsync(await regulator.SendAsync(request), HttpStatusCode.Forbidden, "forbidden");
                }
        (await host.EventCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"sub":"u-1","role":"regulator","jurisdiction":"atlantis"}""", "'jurisdiction' claim names no jurisdiction")]
    [InlineData("""{"sub":"u-1","role":"practitioner","clinics":["c1","c2"]}""", "Only a regulator's token may carry 'clinics'")]
    [InlineData("""{"sub":"u-1","role":"clinic-admin","jurisdiction":"north-region"}""", "Only a regulator's token may carry 'jurisdiction'")]
    [InlineData("""{"sub":"u-1","role":"regulator","clinic":"c1","clinics":["c2"]}""", "more than one way ('clinic', 'clinics')")]
    [InlineData("""{"sub":"u-1","role":"regulator","clinics":["c1",""]}""", "The token's 'clinics' claim is empty or blank")]
    [InlineData("""{"sub":"u-1","role":"regulator","clinics":["c1",12]}""", "The token's 'clinics' claim is not a string")]
    [InlineData("""{"sub":"u-1","role":"regulator","jurisdiction":["north-region","south"]}""", "more than one 'jurisdiction' claim")]
    public async Task A_token_naming_clinics_a_way_the_api_does_not_accept_is_401_invalid_token(string claims, string detail)
    {
        var token = ApiHost.RawToken(claims[1..^1]);

        var problem = await HttpJson.ProblemAsync(await host.WithToken(token).GetAsync("/api/dashboard"), HttpStatusCode.Unauthorized, "invalid-token");

        problem["detail"]!.GetValue<string>().ShouldContain(detail);
    }

    [Fact]
    public void A_read_across_clinics_reads_every_clinic_of_the_token_unless_the_request_names_one()
    {
        string[] clinics = ["lyon", "grenoble"];

        ClinicScope.Decide(clinics, default, acrossClinics: true).ShouldBe((clinics, null));
        ClinicScope.Decide(clinics, "grenoble", acrossClinics: true).Readable.ShouldBe(["grenoble"]);
        ClinicScope.Decide(clinics, "paris", acrossClinics: true).Refusal!.Status.ShouldBe(StatusCodes.Status403Forbidden);
        ClinicScope.Decide(clinics, default, acrossClinics: false).Refusal!.Extensions["code"].ShouldBe(ClinicScope.ClinicRequired);
    }

    [Fact]
    public async Task A_regulator_of_two_clinics_recalls_a_lot_in_both_and_each_clinic_records_the_looks_at_its_patients()
    {
        var lot = $"LOT-{Guid.NewGuid():N}"[..16];
        var (a, b) = await TwoClinicsAsync();
        var outside = await new Journey(host).ReadyForTreatmentAsync();
        foreach (var journey in new[] { a, b, outside })
            await journey.PerformedSessionAsync(Journey.Slot(3), lot);
        var path = $"/api/lots/{lot}/recipients";

        var recall = await RegulatorOf(a, b).GetOkAsync(path);
        var onlyB = await RegulatorOf(a, b).GetOkAsync($"{path}?clinic={b.Clinic}");

        Recipients(recall).ShouldBe([(a.Clinic, a.PatientId), (b.Clinic, b.PatientId)], ignoreOrder: true);
        Recipients(onlyB).ShouldBe([(b.Clinic, b.PatientId)]);
        await host.WaitForProjectionsAsync();
        (await RegulatorViewsAsync(a.Admin)).Select(view => view["patientId"]!.GetValue<Guid>()).ShouldBe([a.PatientId]);
        (await RegulatorViewsAsync(b.Admin)).Select(view => view["patientId"]!.GetValue<Guid>()).ShouldBe([b.PatientId, b.PatientId]);
        (await RegulatorViewsAsync(outside.Admin)).ShouldBeEmpty();
    }

    private static IReadOnlyList<(string Clinic, Guid PatientId)> Recipients(JsonNode recall) =>
        recall["recipients"]!.AsArray().Select(r => (r!["clinicId"]!.GetValue<string>(), r["patientId"]!.GetValue<Guid>())).ToList();

    private HttpClient RegulatorOf(Journey a, Journey b) => RegulatorOf(a.Clinic, b.Clinic);

    private HttpClient RegulatorOf(params string[] clinics) => host.Client(ClinicRoles.Regulator, TokenClinics.Several(clinics), RegulatorUser);

    private static async Task<IReadOnlyList<JsonNode>> RegulatorViewsAsync(HttpClient admin) =>
        await AuditTrail.EntriesAsync(admin, $"&type=record-viewed&actor={RegulatorUser}");

    private async Task<(Journey A, Journey B)> TwoClinicsAsync()
    {
        var a = await new Journey(host).ReadyForTreatmentAsync();
        var b = await new Journey(host).ReadyForTreatmentAsync();
        return (a, b);
    }

    /// <summary>Every operation of the OpenAPI document that is not a GET: what the API can be asked to change.</summary>
    private async Task<IReadOnlyList<(string Method, string Path)>> WritesAsync()
    {
        var document = await host.AnonymousClient().GetOkAsync("/openapi/v1.json");
        return [.. from path in document["paths"]!.AsObject()
            from method in path.Value!.AsObject()
            where method.Key != "get"
            select (method.Key.ToUpperInvariant(), path.Key)];
    }

    private static string Path(string template, Journey journey) => template
        .Replace("{patientId}", journey.PatientId.ToString())
        .Replace("{practitionerId}", journey.PractitionerId.ToString());

    private static Guid Id(JsonNode entry) => entry["id"]!.GetValue<Guid>();
}
