using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Messaging;

public class IdempotencyTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly object Patient = new { firstName = "Ines", lastName = "Moreau", dateOfBirth = "1988-03-12", sex = "female" };

    [Fact]
    public async Task A_retried_command_with_the_same_key_gets_the_first_response_and_is_applied_once()
    {
        var reception = host.Client("receptionist", "clinic-idempotent");

        var first = await PostAsync(reception, "key-001", Patient);
        var retry = await PostAsync(reception, "key-001", Patient);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        var firstBody = await first.Content.ReadAsStringAsync();
        (await retry.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        retry.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();

        await host.WaitForProjectionsAsync();
        var audit = await host.Client("clinic-admin", "clinic-idempotent").GetOkAsync("/api/audit?type=patient-registered.v1");
        audit["entries"]!.AsArray().Count.ShouldBe(1, "the retry appended nothing");
        audit["entries"]![0]!["patientId"]!.GetValue<Guid>().ShouldBe(JsonNode.Parse(firstBody)!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused()
    {
        var reception = host.Client("receptionist", "clinic-idempotent-reuse");
        await PostAsync(reception, "key-002", Patient);

        var reused = await PostAsync(reception, "key-002", new { firstName = "Other", lastName = "Person", dateOfBirth = "1970-01-01", sex = "male" });

        await HttpJson.ProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Fact]
    public async Task Keys_are_per_clinic()
    {
        var first = await PostAsync(host.Client("receptionist", "clinic-key-a"), "shared-key", Patient);
        var second = await PostAsync(host.Client("receptionist", "clinic-key-b"), "shared-key", Patient);

        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await second.Content.ReadAsStringAsync()).ShouldNotBe(await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refused_command_is_not_remembered_so_a_retry_after_fixing_the_cause_succeeds()
    {
        var journey = await new Support.Journey(host, "clinic-idempotent-refusal").RegisterPractitionerAsync();
        await journey.RegisterPatientAsync();
        var screening = Support.Journey.Screening();

        var beforeRegistration = await PostAsync(journey.Practitioner, "screen-1", screening, $"/api/patients/{Guid.NewGuid()}/screenings");
        await HttpJson.ProblemAsync(beforeRegistration, HttpStatusCode.NotFound, "patient-not-found");
        var refusedAgain = await PostAsync(journey.Practitioner, "screen-1", screening, $"/api/patients/{Guid.NewGuid()}/screenings");
        refusedAgain.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();

        var accepted = await PostAsync(journey.Practitioner, "screen-2", screening, $"/api/patients/{journey.PatientId}/screenings");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_overlong_key_is_malformed()
    {
        var response = await PostAsync(host.Client("receptionist", "clinic-idempotent"), new string('k', 256), Patient);

        await HttpJson.ProblemAsync(response, HttpStatusCode.BadRequest, "malformed-idempotency-key");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body, string path = "/api/patients")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: HttpJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
