using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.Api.Database;

namespace Clinic.Api.Tests.Support;

/// <summary>JSON over HTTP the way the API speaks it (camelCase, kebab-case enums), and its RFC 9457 problems.</summary>
public static class HttpJson
{
    public static readonly JsonSerializerOptions Options = StoredJson();

    private static JsonSerializerOptions StoredJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ClinicMarten.ConfigureJson(options);
        return options;
    }

    public static async Task<JsonNode> PostOkAsync(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await ReadAsync(await client.PostAsJsonAsync(path, body, Options), expected);

    public static async Task<Guid> CreateAsync(this HttpClient client, string path, object body) =>
        (await client.PostOkAsync(path, body))["id"]!.GetValue<Guid>();

    public static async Task<JsonNode> GetOkAsync(this HttpClient client, string path) =>
        await ReadAsync(await client.GetAsync(path), HttpStatusCode.OK);

    public static async Task<JsonNode> PutOkAsync(this HttpClient client, string path, object body) =>
        await ReadAsync(await client.PutAsJsonAsync(path, body, Options), HttpStatusCode.OK);

    /// <summary>Posts and expects an RFC 9457 problem with this status and refusal code; returns the problem.</summary>
    public static async Task<JsonNode> PostProblemAsync(this HttpClient client, string path, object body, HttpStatusCode status, string code) =>
        await ProblemAsync(await client.PostAsJsonAsync(path, body, Options), status, code);

    /// <summary>Posts <paramref name="json"/> exactly as given (for bodies no serializer would write).</summary>
    public static async Task<JsonNode> PostRawProblemAsync(this HttpClient client, string path, string json, HttpStatusCode status, string code) =>
        await ProblemAsync(await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json")), status, code);

    public static async Task<JsonNode> GetProblemAsync(this HttpClient client, string path, HttpStatusCode status, string code) =>
        await ProblemAsync(await client.GetAsync(path), status, code);

    /// <summary>
    /// Checks the RFC 9457 shape (problem+json, type, title, status) and the stable <c>code</c> extension, which
    /// the problem's type also names.
    /// </summary>
    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonNode.Parse(text)!;
        Member(problem, "status", text).GetValue<int>().ShouldBe((int)status, text);
        Member(problem, "title", text).GetValue<string>().ShouldNotBeNullOrWhiteSpace(text);
        Member(problem, "code", text).GetValue<string>().ShouldBe(code, text);
        Member(problem, "type", text).GetValue<string>().ShouldBe($"https://clinic.example/problems/{code}", text);
        return problem;
    }

    private static JsonNode Member(JsonNode problem, string name, string text) =>
        problem[name] ?? throw new ShouldAssertException($"The problem has no '{name}' member: {text}");

    /// <summary>A calendar date as the API writes it (JsonNode reads no <see cref="DateOnly"/> by itself).</summary>
    public static DateOnly GetDate(this JsonNode node) => DateOnly.ParseExact(node.GetValue<string>(), "yyyy-MM-dd");

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!;
    }
}
