using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.EventStore;

namespace Clinic.Api.Tests.Support;

/// <summary>JSON over HTTP the way the API speaks it (camelCase, kebab-case enums).</summary>
public static class HttpJson
{
    public static readonly JsonSerializerOptions Options = StoreJson.DefaultOptions();

    public static async Task<JsonNode> PostOkAsync(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(path, body, Options);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!;
    }

    public static async Task<Guid> CreateAsync(this HttpClient client, string path, object body) =>
        (await client.PostOkAsync(path, body))["id"]!.GetValue<Guid>();

    public static async Task<JsonNode> GetOkAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Posts and expects an RFC 9457 problem with this status and refusal code; returns the problem.</summary>
    public static async Task<JsonNode> PostProblemAsync(this HttpClient client, string path, object body, HttpStatusCode status, string? code = null)
    {
        var response = await client.PostAsJsonAsync(path, body, Options);
        return await ProblemAsync(response, status, code);
    }

    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(text)!;
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        if (code is not null)
            problem["code"]?.GetValue<string>().ShouldBe(code, text);
        return problem;
    }
}
