using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Hosting;

/// <summary>
/// The OpenAPI document describes every operation completely: its success answer and schema, the problems it can
/// answer, and the headers it reads and writes; and the API answers with those headers.
/// </summary>
public class OpenApiContractTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string CorrelationId = "X-Correlation-Id";
    private const string IdempotencyKey = "Idempotency-Key";
    private const string Replayed = "Idempotent-Replayed";

    /// <summary>The POSTs that are not commands: one sends a message again, the other signs a checkpoint (no event).</summary>
    private static readonly string[] NotCommands = ["POST /api/admin/dead-letters/{id}/replay", "POST /api/integrity/checkpoints"];

    /// <summary>The operations that answer FHIR JSON rather than JSON.</summary>
    private static readonly string[] FhirOperations = ["GET /api/patients/{patientId}/fhir"];

    private static readonly string[] EveryOperationsProblems = ["400", "401", "403", "503"];
    private static readonly string[] CommandProblems = ["409", "422"];
    private static readonly string[] BodyProblems = ["413", "415"];

    private async Task<JsonNode> DocumentAsync() => await host.AnonymousClient().GetOkAsync("/openapi/v1.json");

    private static IEnumerable<(string Name, string Path, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", path.Key, method.Value!);

    private static IReadOnlyList<string> Statuses(JsonNode operation) => operation["responses"]!.AsObject().Select(r => r.Key).ToList();

    private static IReadOnlyList<string> HeaderParameters(JsonNode document, JsonNode operation) =>
        Parameters(document, operation, "header").Select(parameter => parameter["name"]!.GetValue<string>()).ToList();

    private static bool NamesIdsInPath(JsonNode document, JsonNode operation) =>
        Parameters(document, operation, "path").Any(parameter => parameter["schema"]?["format"]?.GetValue<string>() == "uuid");

    private static IEnumerable<JsonNode> Parameters(JsonNode document, JsonNode operation, string location) =>
        operation["parameters"]!.AsArray()
            .Select(parameter => parameter!["$ref"] is { } reference
                ? document["components"]!["parameters"]![reference.GetValue<string>().Split('/')[^1]]!
                : parameter!)
            .Where(parameter => parameter["in"]!.GetValue<string>() == location);

    private static IReadOnlyList<string> ResponseHeaders(JsonNode operation, string status) =>
        operation["responses"]![status]!["headers"]?.AsObject().Select(header => header.Key).ToList() ?? [];

    [Fact]
    public async Task Every_operation_answers_one_success_with_a_schema_and_every_answer_carries_the_correlation_id()
    {
        var document = await DocumentAsync();

        foreach (var (name, _, operation) in Operations(document))
        {
            var successes = Statuses(operation).Where(status => status.StartsWith('2')).ToList();
            successes.Count.ShouldBe(1, name);
            var mediaType = FhirOperations.Contains(name) ? "application/fhir+json" : "application/json";
            operation["responses"]![successes[0]]!["content"]![mediaType]!["schema"].ShouldNotBeNull($"{name} has no success schema");
            HeaderParameters(document, operation).ShouldContain(CorrelationId, name);
            foreach (var status in Statuses(operation))
                ResponseHeaders(operation, status).ShouldContain(CorrelationId, $"{name} {status}");
        }
    }

    [Fact]
    public async Task Every_operation_lists_the_problems_it_can_answer()
    {
        var document = await DocumentAsync();

        foreach (var (name, _, operation) in Operations(document))
        {
            var statuses = Statuses(operation);
            statuses.ShouldBeSubsetOf(["200", "201", "400", "401", "403", "404", "409", "413", "415", "422", "503"], name);
            EveryOperationsProblems.ShouldBeSubsetOf(statuses, name);
            foreach (var problem in statuses.Where(status => status[0] is '4' or '5'))
                operation["responses"]![problem]!["content"]!["application/problem+json"].ShouldNotBeNull($"{name} {problem}");
            if (NamesIdsInPath(document, operation))
                statuses.ShouldContain("404", name);
            var isCommand = HeaderParameters(document, operation).Contains(IdempotencyKey);
            isCommand.ShouldBe(statuses.Contains("422"), $"{name}: a command, and only a command, is refused by rules");
            if (isCommand)
                CommandProblems.ShouldBeSubsetOf(statuses, name);
            if (operation["requestBody"] is not null)
                BodyProblems.ShouldBeSubsetOf(statuses, name);
            ResponseHeaders(operation, "503").ShouldContain("Retry-After", name);
        }
    }

    [Fact]
    public async Task Every_post_and_put_is_a_command_that_takes_an_idempotency_key_and_marks_its_replays()
    {
        var document = await DocumentAsync();

        foreach (var (name, _, operation) in Operations(document).Where(o => o.Name.StartsWith("POST") || o.Name.StartsWith("PUT")))
        {
            if (NotCommands.Contains(name))
                continue;
            HeaderParameters(document, operation).ShouldContain(IdempotencyKey, name);
            foreach (var status in Statuses(operation))
                ResponseHeaders(operation, status).Contains(Replayed).ShouldBe(status.StartsWith('2'), $"{name} {status}: only a success is kept and replayed");
        }
        HeaderParameters(document, document["paths"]!["/api/patients/{patientId}/history"]!["get"]!).ShouldNotContain(IdempotencyKey);
    }

    public static TheoryData<string, string> Creations => new()
    {
        { "/api/practitioners", "CreatedResponse" },
        { "/api/patients", "CreatedResponse" },
        { "/api/patients/{patientId}/screenings", "ScreeningResponse" },
        { "/api/patients/{patientId}/consents", "CreatedResponse" },
        { "/api/patients/{patientId}/allergy-tests", "CreatedResponse" },
        { "/api/patients/{patientId}/treatment-plans", "CreatedResponse" },
        { "/api/patients/{patientId}/side-effects", "CreatedResponse" },
        { "/api/sessions", "CreatedResponse" },
        { "/api/patients/{patientId}/corrections", "CorrectionResponse" },
        { "/api/practitioners/{practitionerId}/corrections", "CorrectionResponse" },
    };

    [Theory]
    [MemberData(nameof(Creations))]
    public async Task A_creation_answers_201_with_its_response_schema_and_location(string path, string schema)
    {
        var created = (await DocumentAsync())["paths"]![path]!["post"]!["responses"]!["201"]!;

        created["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().ShouldBe($"#/components/schemas/{schema}");
        created["headers"]!["Location"].ShouldNotBeNull();
    }

    [Fact]
    public async Task What_an_operation_refers_to_decides_its_404()
    {
        var paths = (await DocumentAsync())["paths"]!;

        Statuses(paths["/api/sessions"]!["post"]!).ShouldContain("404", "a booking names a patient, a plan and a practitioner");
        Statuses(paths["/api/patients"]!["post"]!).ShouldNotContain("404", "a registration names nothing that exists");
        Statuses(paths["/api/integrity/checkpoints/latest"]!["get"]!).ShouldContain("404", "a clinic may have no checkpoint yet");
        Statuses(paths["/api/integrity"]!["get"]!).ShouldNotContain("404", "a clinic's integrity is always answered");
        Statuses(paths["/api/dashboard"]!["get"]!).ShouldNotContain("404");
        Statuses(paths["/api/lots/{lotNumber}/recipients"]!["get"]!).ShouldNotContain("404", "a lot nobody received is an empty list");
        Statuses(paths["/api/admin/dead-letters/{id}/replay"]!["post"]!).ShouldNotContain("422", "a replay is not decided by rules");
    }

    [Fact]
    public async Task The_documented_headers_come_back_on_a_creation_its_replay_and_its_refusals()
    {
        var reception = host.Client("receptionist", TestClinic.Unique());
        var patient = Journey.NewPatient(new DateOnly(1990, 4, 2));

        var created = await PostAsync(reception, "/api/patients", patient, "openapi-key-1", "trace-1");
        var replayed = await PostAsync(reception, "/api/patients", patient, "openapi-key-1", "trace-2");
        var malformed = await reception.PostAsync("/api/patients", new StringContent("{\"firstName\":", Encoding.UTF8, "application/json"));
        var unauthenticated = await host.AnonymousClient().PostAsync("/api/patients", new StringContent("{}", Encoding.UTF8, "application/json"));
        var unknown = await reception.PostAsync($"/api/sessions/{Guid.NewGuid()}/cancel", new StringContent("""{"reason":"x"}""", Encoding.UTF8, "application/json"));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location.ShouldNotBeNull();
        created.Headers.GetValues(CorrelationId).Single().ShouldBe("trace-1");
        replayed.Headers.GetValues(Replayed).Single().ShouldBe("true");
        replayed.Headers.GetValues(CorrelationId).Single().ShouldBe("trace-2");
        foreach (var (answer, status) in new[] { (malformed, HttpStatusCode.BadRequest), (unauthenticated, HttpStatusCode.Unauthorized), (unknown, HttpStatusCode.NotFound) })
        {
            answer.StatusCode.ShouldBe(status);
            answer.Headers.GetValues(CorrelationId).Single().ShouldNotBeNullOrWhiteSpace($"{status} carries the correlation id");
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key, string correlationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body, options: HttpJson.Options) };
        request.Headers.Add(IdempotencyKey, key);
        request.Headers.Add(CorrelationId, correlationId);
        return await client.SendAsync(request);
    }
}
