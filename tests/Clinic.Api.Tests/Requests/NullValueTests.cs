using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Requests;

/// <summary>
/// A JSON null where a request's member or list element is not optional, or text the database cannot hold, is 400
/// <c>malformed-request</c> (<c>malformed-correction</c> inside correction values), and records nothing.
/// </summary>
public class NullValueTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Malformed = "malformed-request";

    [Theory]
    [InlineData("allergy-tests", """{"substances": null, "appliedAt": "2025-01-01T10:00:00Z"}""")]
    [InlineData("allergy-tests", """{"substances": [null], "appliedAt": "2025-01-01T10:00:00Z"}""")]
    [InlineData("allergy-tests", """{"substances": ["lido\u0000caine"], "appliedAt": "2025-01-01T10:00:00Z"}""")]
    [InlineData("screenings", """{"screenedOn": "2025-01-01", "pregnant": false, "breastfeeding": false, "insulinDependentDiabetes": false, "cancerOnMultiDrugTherapy": false, "heartDiseaseOnMultiDrugTherapy": false, "strokeHistory": false, "liverDisorder": false, "kidneyDisorder": false, "allergies": null}""")]
    [InlineData("screenings", """{"screenedOn": "2025-01-01", "pregnant": false, "breastfeeding": false, "insulinDependentDiabetes": false, "cancerOnMultiDrugTherapy": false, "heartDiseaseOnMultiDrugTherapy": false, "strokeHistory": false, "liverDisorder": false, "kidneyDisorder": false, "allergies": [null]}""")]
    [InlineData("consents", """{"scope": null, "formVersion": "v3", "signedAt": "2025-01-01T10:00:00Z"}""")]
    [InlineData("consents", """{"scope": ["face"], "formVersion": null, "signedAt": "2025-01-01T10:00:00Z"}""")]
    [InlineData("treatment-plans", """{"indication": "acne-scars", "areas": null, "technique": "nappage", "plannedSessions": 6, "intervalDays": 7}""")]
    [InlineData("treatment-plans", """{"indication": "acne-scars", "areas": [null], "technique": "nappage", "plannedSessions": 6, "intervalDays": 7}""")]
    [InlineData("side-effects", """{"kind": "pain", "severity": "mild", "serious": false, "seriousness": null, "onsetAt": "2025-01-01T10:00:00Z", "description": "x", "reportedBy": "patient"}""")]
    [InlineData("side-effects", """{"kind": "pain", "severity": "mild", "serious": false, "onsetAt": "2025-01-01T10:00:00Z", "description": null, "reportedBy": "patient"}""")]
    public async Task A_null_where_the_request_needs_a_value_is_400(string resource, string json)
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        await journey.Practitioner.PostRawProblemAsync($"{journey.PatientPath}/{resource}", json, HttpStatusCode.BadRequest, Malformed);

        Journey.Types(await journey.HistoryAsync()).ShouldBe(["patient-registered.v1"]);
    }

    [Theory]
    [InlineData("""{"firstName": null, "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "female"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": null, "sex": "female"}""")]
    [InlineData("""{"firstName": "Ma\u0000ria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "female"}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "female", "phone": "\u0000"}""")]
    public async Task A_patient_with_a_null_or_unstorable_name_is_400(string json) =>
        await new Journey(host).Reception.PostRawProblemAsync("/api/patients", json, HttpStatusCode.BadRequest, Malformed);

    [Fact]
    public async Task An_optional_member_may_be_null()
    {
        var response = await new Journey(host).Reception.PostAsync("/api/patients", new StringContent(
            """{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "female", "phone": null, "email": null}""",
            System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""null""")]
    [InlineData("""[null]""")]
    [InlineData("""[{"name": null, "lotNumber": "LOT-77", "volumeMl": 2.5}]""")]
    [InlineData("""[{"name": "HA cocktail", "lotNumber": "LOT-77", "volumeMl": 2.5, "substances": [null]}]""")]
    public async Task A_performed_session_with_null_products_is_400(string products)
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var sessionId = await journey.ScheduleAsync(Journey.Slot(3));

        await journey.Practitioner.PostRawProblemAsync($"/api/sessions/{sessionId}/performed",
            $$"""{"performedAt": "{{Journey.Slot(3).AddMinutes(5):O}}", "injectionMethod": "needle", "injectionDevice": "manual", "depthMm": 2, "technique": "nappage", "areas": ["face"], "aftercare": ["no-water"], "noRecentAntiInflammatories": true, "products": {{products}}}""",
            HttpStatusCode.BadRequest, Malformed);

        Journey.Types(await journey.HistoryAsync()).ShouldNotContain("session-performed.v1");
    }

    [Theory]
    [InlineData("patient-screened.v1", "allergies", "null")]
    [InlineData("patient-screened.v1", "allergies", "[null]")]
    [InlineData("patient-registered.v1", "lastName", "null")]
    [InlineData("treatment-plan-created.v1", "areas", "null")]
    [InlineData("consent-recorded.v1", "scope", "null")]
    [InlineData("side-effect-reported.v1", "seriousness", "null")]
    [InlineData("session-performed.v1", "products", "null")]
    [InlineData("session-performed.v1", "products", "[null]")]
    public async Task Corrected_values_with_a_null_where_the_record_needs_a_value_are_400(string eventType, string member, string value)
    {
        var (journey, values) = await RecordedAsync(eventType);
        var eventId = Journey.Entry(await journey.HistoryAsync(), eventType)["eventId"]!.GetValue<Guid>();
        values[member] = JsonNode.Parse(value);

        await journey.Practitioner.PostRawProblemAsync($"{journey.PatientPath}/corrections",
            new JsonObject { ["eventId"] = eventId, ["reason"] = "Typo", ["values"] = values }.ToJsonString(),
            HttpStatusCode.BadRequest, "malformed-correction");

        Journey.Types(await journey.HistoryAsync()).ShouldNotContain(type => type.EndsWith("-corrected.v1"));
    }

    /// <summary>A patient with a performed session and a side effect of it, and the values that recorded <paramref name="eventType"/>.</summary>
    private async Task<(Journey Journey, JsonObject Values)> RecordedAsync(string eventType)
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var sessionId = await journey.PerformedSessionAsync(Journey.Slot(3));
        var sideEffect = Journey.SideEffect(sessionId, serious: false, Journey.Slot(3).AddHours(2));
        using (journey.AfterSideEffect(Journey.Slot(3).AddHours(2)))
            await journey.Practitioner.CreateAsync($"{journey.PatientPath}/side-effects", sideEffect);
        object values = eventType switch
        {
            "patient-screened.v1" => Journey.Screening(),
            "patient-registered.v1" => Journey.NewPatient(new DateOnly(1990, 4, 2)),
            "treatment-plan-created.v1" => Journey.Plan(),
            "consent-recorded.v1" => new { scope = new[] { "face" }, formVersion = "v3", signedAt = Journey.Now.AddMinutes(-30) },
            "side-effect-reported.v1" => sideEffect,
            _ => Journey.Performed(Journey.Slot(3)),
        };
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(values, HttpJson.Options))!.AsObject();
        json.Remove("performedAt");
        return (journey, json);
    }
}
