using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Requests;

/// <summary>Requests the API cannot read are 400 <c>malformed-request</c> (or a more precise code), before any rule is applied.</summary>
public class MalformedRequestTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Malformed = "malformed-request";

    [Theory]
    [InlineData("""{not json""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez",""")]
    [InlineData("""[]""")]
    [InlineData("""{"firstName": "Maria", "dateOfBirth": "1990-04-02", "sex": "female"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "02/04/1990", "sex": "female"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": 1990, "sex": "female"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "robot"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "fe-male"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "female", "nickname": "Mia"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": 0}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "0"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "Female"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "female, male"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": null}""")]
    public async Task An_unreadable_patient_body_is_400(string json)
    {
        var journey = new Journey(host);

        var problem = await journey.Reception.PostRawProblemAsync("/api/patients", json, HttpStatusCode.BadRequest, Malformed);

        problem["detail"]!.GetValue<string>().ShouldNotContain("Mia");
    }

    [Theory]
    [InlineData("treatment-plans", """{"indication": "botox", "areas": ["face"], "technique": "nappage", "plannedSessions": 6, "intervalDays": 7}""")]
    [InlineData("treatment-plans", """{"indication": "acne-scars", "areas": ["elbow"], "technique": "nappage", "plannedSessions": 6, "intervalDays": 7}""")]
    [InlineData("treatment-plans", """{"indication": "acne-scars", "areas": ["face"], "technique": "nappage", "plannedSessions": "six", "intervalDays": 7}""")]
    [InlineData("consents", """{"scope": ["feet"], "formVersion": "v3", "signedAt": "2025-01-01T10:00:00Z"}""")]
    [InlineData("consents", """{"scope": ["face"], "signedAt": "2025-01-01T10:00:00Z"}""")]
    [InlineData("screenings", """{"screenedOn": "2025-01-01"}""")]
    [InlineData("side-effects", """{"kind": "headache", "severity": "mild", "serious": false, "onsetAt": "2025-01-01T10:00:00Z", "description": "x", "reportedBy": "patient"}""")]
    [InlineData("side-effects", """{"kind": "pain", "severity": "grade-2", "serious": false, "onsetAt": "2025-01-01T10:00:00Z", "description": "x", "reportedBy": "patient"}""")]
    [InlineData("side-effects", """{"kind": "pain", "severity": 3, "serious": false, "onsetAt": "2025-01-01T10:00:00Z", "description": "x", "reportedBy": "patient"}""")]
    [InlineData("side-effects", """{"kind": "pain", "severity": "LifeThreatening", "serious": false, "onsetAt": "2025-01-01T10:00:00Z", "description": "x", "reportedBy": "patient"}""")]
    [InlineData("side-effects", """{"kind": "pain", "severity": "mild", "serious": true, "seriousness": [2], "onsetAt": "2025-01-01T10:00:00Z", "description": "x", "reportedBy": "patient"}""")]
    [InlineData("treatment-plans", """{"indication": "acne-scars", "areas": [0], "technique": "nappage", "plannedSessions": 6, "intervalDays": 7}""")]
    public async Task Missing_members_wrong_types_and_unknown_enum_values_are_400(string resource, string json)
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        await journey.Practitioner.PostRawProblemAsync($"{journey.PatientPath}/{resource}", json, HttpStatusCode.BadRequest, Malformed);
    }

    [Theory]
    [InlineData("treatment-plans", """{"indication": "acne-scars", "areas": ["face"], "technique": "nappage", "plannedSessions": "5", "intervalDays": 7}""")]
    [InlineData("treatment-plans", """{"indication": "acne-scars", "areas": ["face"], "technique": "nappage", "plannedSessions": 5, "intervalDays": "7"}""")]
    [InlineData("consents", """{"scope": ["face"], "formVersion": "v3", "formVersion": "v4", "signedAt": "2025-01-01T10:00:00Z"}""")]
    [InlineData("consents", """{"scope": ["face"], "formVersion": "v3", "signedAt": "2025-01-01T10:00:00Z", "signedAt": "2025-01-02T10:00:00Z"}""")]
    [InlineData("consents", """{"scope": ["face"], "formVersion": "v3", "signedAt": "2025-01-01"}""")]
    [InlineData("consents", """{"scope": ["face"], "formVersion": "v3", "signedAt": "2025-01-01T10:00:00"}""")]
    [InlineData("consents", """{"scope": ["face"], "formVersion": "v3", "signedAt": "2025-01-01T10:00"}""")]
    [InlineData("allergy-tests", """{"substances": ["lidocaine"], "appliedAt": "2025-01-01T10:00:00.123"}""")]
    [InlineData("side-effects", """{"kind": "pain", "severity": "mild", "serious": false, "onsetAt": "2025-01-01T10:00:00Z", "awareAt": "2025-01-02", "description": "x", "reportedBy": "patient"}""")]
    public async Task Numbers_as_strings_members_given_twice_and_instants_without_a_time_or_an_offset_are_400_and_record_nothing(string resource, string json)
    {
        var journey = await new Journey(host).RegisterPatientAsync();

        await journey.Practitioner.PostRawProblemAsync($"{journey.PatientPath}/{resource}", json, HttpStatusCode.BadRequest, Malformed);

        Journey.Types(await journey.HistoryAsync()).ShouldBe(["patient-registered.v1"]);
    }

    [Fact]
    public async Task A_volume_a_duration_or_a_policy_sent_as_a_string_is_400_and_records_nothing()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var startsAt = Journey.Slot(3);
        var session = await journey.ScheduleAsync(startsAt);
        var booking = JsonNode.Parse(JsonSerializer.Serialize(journey.Booking(Journey.Slot(10)), HttpJson.Options))!;
        booking["durationMinutes"] = "30";
        var performed = JsonNode.Parse(JsonSerializer.Serialize(Journey.Performed(startsAt.AddMinutes(5)), HttpJson.Options))!;
        performed["products"]![0]!["volumeMl"] = "3";
        var before = Journey.Types(await journey.HistoryAsync());
        using var afterSession = journey.AfterSession(startsAt);

        await journey.Reception.PostRawProblemAsync("/api/sessions", booking.ToJsonString(), HttpStatusCode.BadRequest, Malformed);
        await journey.Practitioner.PostRawProblemAsync($"/api/sessions/{session}/performed", performed.ToJsonString(), HttpStatusCode.BadRequest, Malformed);
        await HttpJson.ProblemAsync(await journey.Admin.PutAsync("/api/clinic/policy", Json(
            """{"screeningValidityDays": "180", "minimumIntervalDays": 7, "seriousReportingDays": 15, "fatalOrLifeThreateningReportingDays": 7}""")),
            HttpStatusCode.BadRequest, Malformed);

        Journey.Types(await journey.HistoryAsync()).ShouldBe(before);
        (await AuditTrail.RecordedAsync(host, journey.Admin)).ShouldNotContain("clinic-policy-set.v1");
    }

    [Fact]
    public async Task Corrected_values_with_a_member_given_twice_are_400()
    {
        var journey = await new Journey(host).RegisterPatientAsync();
        var registered = Journey.Entry(await journey.HistoryAsync(), "patient-registered.v1")["eventId"]!.GetValue<Guid>();

        await journey.Practitioner.PostRawProblemAsync($"{journey.PatientPath}/corrections", $$$"""
            {"eventId": "{{{registered}}}", "reason": "Typo",
             "values": {"firstName": "Maria", "lastName": "Lopez", "lastName": "Garcia", "dateOfBirth": "1990-04-02", "sex": "female"}}
            """, HttpStatusCode.BadRequest, Malformed);

        Journey.Types(await journey.HistoryAsync()).ShouldBe(["patient-registered.v1"]);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_415_and_registers_nobody()
    {
        var journey = new Journey(host);
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "female"}"""));

        await HttpJson.ProblemAsync(await journey.Reception.PostAsync("/api/patients", body), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        (await AuditTrail.RecordedAsync(host, journey.Admin)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_no_show_refuses_a_body_that_is_not_json_an_object_with_members_deep_nesting_and_a_large_body()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var startsAt = Journey.Slot(3);
        var session = await journey.ScheduleAsync(startsAt);
        var noShow = $"/api/sessions/{session}/no-show";
        using var afterSession = journey.AfterSession(startsAt);

        await HttpJson.ProblemAsync(await journey.Reception.PostAsync(noShow, new StringContent("<noShow/>", Encoding.UTF8, "application/xml")),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await HttpJson.ProblemAsync(await journey.Reception.PostAsync(noShow, new ByteArrayContent(Encoding.UTF8.GetBytes("<noShow/>"))),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await journey.Reception.PostRawProblemAsync(noShow, "<noShow/>", HttpStatusCode.BadRequest, Malformed);
        await journey.Reception.PostRawProblemAsync(noShow, """{"reason": "Did not come"}""", HttpStatusCode.BadRequest, Malformed);
        await journey.Reception.PostRawProblemAsync(noShow, new string('[', 100_000), HttpStatusCode.BadRequest, Malformed);
        var large = new HttpRequestMessage(HttpMethod.Post, noShow)
        {
            Content = new ByteArrayContent(new byte[5_000_000]) { Headers = { ContentType = new("application/json") } },
            Headers = { ExpectContinue = true },
        };
        await HttpJson.ProblemAsync(await journey.Reception.SendAsync(large), HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        Journey.Types(await journey.HistoryAsync()).ShouldNotContain("session-marked-no-show.v1");

        (await journey.Reception.PostAsync(noShow, content: null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Journey.Types(await journey.HistoryAsync()).ShouldContain("session-marked-no-show.v1");
    }

    [Fact]
    public async Task A_no_show_accepts_an_empty_json_object()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var startsAt = Journey.Slot(3);
        var session = await journey.ScheduleAsync(startsAt);
        using var afterSession = journey.AfterSession(startsAt);

        (await journey.Reception.PostAsync($"/api/sessions/{session}/no-show", Json("{}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_dead_letter_replay_reads_its_body_like_a_no_show()
    {
        var journey = new Journey(host);
        var replay = $"/api/admin/dead-letters/{Guid.NewGuid()}/replay";

        await journey.Admin.PostRawProblemAsync(replay, """{"reason": "fixed"}""", HttpStatusCode.BadRequest, Malformed);
        await HttpJson.ProblemAsync(await journey.Admin.PostAsync(replay, new StringContent("fixed", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await HttpJson.ProblemAsync(await journey.Admin.PostAsync(replay, content: null), HttpStatusCode.NotFound, "dead-letter-not-found");
        await HttpJson.ProblemAsync(await journey.Admin.PostAsync(replay, Json("{}")), HttpStatusCode.NotFound, "dead-letter-not-found");
    }

    [Theory]
    [InlineData("""{"name": "Dr Ana Silva", "profession": 7, "licenceNumber": "DERM-1", "licenceExpiresOn": "2030-01-01", "userId": "ana"}""")]
    [InlineData("""{"name": "Dr Ana Silva", "profession": 0, "licenceNumber": "DERM-1", "licenceExpiresOn": "2030-01-01", "userId": "ana"}""")]
    [InlineData("""{"name": "Dr Ana Silva", "profession": "Nurse", "licenceNumber": "DERM-1", "licenceExpiresOn": "2030-01-01", "userId": "ana"}""")]
    public async Task An_enum_value_other_than_its_documented_name_is_400(string json) =>
        await new Journey(host).Admin.PostRawProblemAsync("/api/practitioners", json, HttpStatusCode.BadRequest, Malformed);

    [Theory]
    [InlineData("GET", "/api/patients/not-a-guid/history")]
    [InlineData("GET", "/api/practitioners/42/schedule")]
    [InlineData("POST", "/api/sessions/123/cancel")]
    [InlineData("POST", "/api/sessions/0195c2a4-7d10-7c2e-8f0a/performed")]
    [InlineData("POST", "/api/patients/not-a-guid/side-effects/also-not/review")]
    [InlineData("POST", "/api/admin/dead-letters/x/replay")]
    public async Task An_id_in_the_path_that_is_not_a_uuid_is_400(string method, string path)
    {
        var journey = new Journey(host);
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new StringContent("""{"reason": "Patient is ill"}""", Encoding.UTF8, "application/json") : null,
        };

        await HttpJson.ProblemAsync(await journey.Admin.SendAsync(request), HttpStatusCode.BadRequest, Malformed);
    }

    [Fact]
    public async Task What_the_framework_refuses_by_itself_is_a_problem_with_a_code_too()
    {
        var journey = new Journey(host);

        await journey.Reception.GetProblemAsync("/api/nothing-here", HttpStatusCode.NotFound, "unknown-path");
        await HttpJson.ProblemAsync(await journey.Reception.DeleteAsync("/api/patients"), HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        await HttpJson.ProblemAsync(await journey.Reception.PostAsync("/api/patients", new StringContent("{}", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        // Expect: 100-continue, so that the server refuses the body before the client sends it.
        var tooLarge = new HttpRequestMessage(HttpMethod.Post, "/api/patients")
        {
            Content = new ByteArrayContent(new byte[Clinic.Api.Http.RequestLimits.BodyBytes + 1]) { Headers = { ContentType = new("application/json") } },
            Headers = { ExpectContinue = true },
        };
        await HttpJson.ProblemAsync(await journey.Reception.SendAsync(tooLarge), HttpStatusCode.RequestEntityTooLarge, "request-too-large");
    }

    [Fact]
    public async Task A_command_without_a_body_is_400()
    {
        var journey = new Journey(host);

        var response = await journey.Reception.PostAsync("/api/patients", content: null);

        await HttpJson.ProblemAsync(response, HttpStatusCode.BadRequest, Malformed);
    }

    [Theory]
    [InlineData("/api/audit?limit=ten", Malformed)]
    [InlineData("/api/audit?after=first", Malformed)]
    [InlineData("/api/audit?patientId=42", Malformed)]
    [InlineData("/api/audit?from=last-week", Malformed)]
    [InlineData("/api/audit?from=2025-03-14", Malformed)]
    [InlineData("/api/audit?to=2025-03-14T10:00:00", Malformed)]
    [InlineData("/api/audit?actor=ana%00", Malformed)]
    [InlineData("/api/audit?type=record-viewed.v1%00", Malformed)]
    [InlineData("/api/audit?limit=99999999999", Malformed)]
    [InlineData("/api/audit?limit=0", "invalid-limit")]
    [InlineData("/api/audit?limit=-1", "invalid-limit")]
    [InlineData("/api/audit?limit=1001", "invalid-limit")]
    public async Task Bad_audit_query_parameters_are_400(string path, string code)
    {
        var journey = new Journey(host);

        await journey.Admin.GetProblemAsync(path, HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-03-14")]
    [InlineData("2025-03-14T10:00:00")]
    public async Task A_history_asOf_that_is_not_an_instant_with_an_offset_is_400(string asOf)
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        await journey.Practitioner.GetProblemAsync($"{journey.PatientPath}/history?asOf={asOf}", HttpStatusCode.BadRequest, Malformed);
        await journey.Practitioner.GetOkAsync($"{journey.PatientPath}/history?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}");
    }

    [Fact]
    public async Task A_schedule_range_that_is_unreadable_backwards_or_longer_than_92_days_is_400()
    {
        var journey = await new Journey(host).RegisterPractitionerAsync();
        var schedule = $"/api/practitioners/{journey.PractitionerId}/schedule";

        await journey.Reception.GetProblemAsync($"{schedule}?from=monday", HttpStatusCode.BadRequest, Malformed);
        await journey.Reception.GetProblemAsync($"{schedule}?from=2025-03-14", HttpStatusCode.BadRequest, Malformed);
        await journey.Reception.GetProblemAsync(Query.Schedule(journey.PractitionerId, Journey.Slot(7), Journey.Slot(1)),
            HttpStatusCode.BadRequest, "invalid-range");
        await journey.Reception.GetProblemAsync(Query.Schedule(journey.PractitionerId, Journey.Slot(0), Journey.Slot(93)),
            HttpStatusCode.BadRequest, "invalid-range");
        await journey.Reception.GetOkAsync(Query.Schedule(journey.PractitionerId, Journey.Slot(0), Journey.Slot(92)));
    }

    [Theory]
    [InlineData("9999-12-31T00:00:00Z")]
    [InlineData("9999-12-25T01:00:00+05:00")]
    [InlineData("9999-12-31T00:00:00-05:00")]
    public async Task A_schedule_from_within_a_week_of_the_calendar_end_runs_to_its_end(string from)
    {
        var journey = await new Journey(host).RegisterPractitionerAsync();

        var schedule = await journey.Reception.GetOkAsync($"/api/practitioners/{journey.PractitionerId}/schedule?from={Uri.EscapeDataString(from)}");

        schedule["to"]!.GetValue<DateTimeOffset>().ShouldBe(DateTimeOffset.MaxValue);
        schedule["sessions"]!.AsArray().ShouldBeEmpty();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
