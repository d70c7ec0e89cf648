using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Unauthorized, "unauthenticated")]
    [InlineData("invalid-token", HttpStatusCode.Unauthorized, "invalid-token")]
    [InlineData("analyst", HttpStatusCode.Forbidden, "forbidden")]
    public async Task A_request_refused_by_authentication_or_authorization_is_answered_without_its_body_being_read(
        string caller, HttpStatusCode status, string code)
    {
        var client = ExpectContinueClient();
        client.DefaultRequestHeaders.Authorization = caller switch
        {
            "anonymous" => null,
            "invalid-token" => new AuthenticationHeaderValue("Bearer", "abc.def.ghi"),
            _ => host.Client(caller, "clinic-idempotent-refused").DefaultRequestHeaders.Authorization,
        };
        var body = new WatchedBody(Patient);

        var response = await client.SendAsync(WithKey("/api/patients", body));

        await HttpJson.ProblemAsync(response, status, code);
        body.Sent.ShouldBeFalse("the API answered before asking for the body (100 Continue)");
    }

    [Fact]
    public async Task A_request_to_a_path_the_api_does_not_have_is_answered_without_its_body_being_read()
    {
        var client = ExpectContinueClient();
        client.DefaultRequestHeaders.Authorization = host.Client("receptionist", "clinic-idempotent-refused").DefaultRequestHeaders.Authorization;
        var body = new WatchedBody(Patient);

        var response = await client.SendAsync(WithKey("/api/no-such-thing", body));

        await HttpJson.ProblemAsync(response, HttpStatusCode.NotFound, "unknown-path");
        body.Sent.ShouldBeFalse();
    }

    [Fact]
    public async Task An_authorized_request_with_a_key_is_read_hashed_and_remembered()
    {
        var client = ExpectContinueClient();
        client.DefaultRequestHeaders.Authorization = host.Client("receptionist", "clinic-idempotent-continue").DefaultRequestHeaders.Authorization;
        var body = new WatchedBody(Patient);

        var first = await client.SendAsync(WithKey("/api/patients", body, "key-continue"));
        var retry = await client.SendAsync(WithKey("/api/patients", new WatchedBody(Patient), "key-continue"));

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        body.Sent.ShouldBeTrue("the API asked for the body it read");
        retry.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A client that sends <c>Expect: 100-continue</c> and then waits, however long, for the server to ask for the
    /// body: Kestrel asks (100 Continue) only when the application starts reading it. So a request answered
    /// without the body being sent is one whose body the API never read; no timing is involved.
    /// </summary>
    private HttpClient ExpectContinueClient() =>
        new(new SocketsHttpHandler { Expect100ContinueTimeout = Timeout.InfiniteTimeSpan }) { BaseAddress = host.BaseAddress };

    private static HttpRequestMessage WithKey(string path, HttpContent body, string key = "key-unread")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.ExpectContinue = true;
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>
    /// A JSON body that records whether the client was asked to send it. It is padded with white space past 1 KB:
    /// the client sends a smaller body even after a refusal, to keep the connection.
    /// </summary>
    private sealed class WatchedBody : HttpContent
    {
        private readonly byte[] _json;

        public WatchedBody(object value)
        {
            _json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, HttpJson.Options).PadRight(4096));
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public bool Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            Sent = true;
            await stream.WriteAsync(_json);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _json.Length;
            return true;
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body, string path = "/api/patients")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: HttpJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
