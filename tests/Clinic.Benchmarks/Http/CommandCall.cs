using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Clinic.Api.Database;

namespace Clinic.Benchmarks.Http;

/// <summary>One HTTP command: where it goes, what it sends, and the correlation id that finds what it wrote.</summary>
public sealed record CommandCall(string Path, object Body, string CorrelationId)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = RequestJson();

    /// <summary>Sends it and fails the run unless the API answers <paramref name="expected"/>; returns the response body.</summary>
    public async Task<JsonNode?> SendAsync(HttpClient client, CancellationToken cancellationToken, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(Body, options: Json) };
        request.Headers.Add("X-Correlation-Id", CorrelationId);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"POST {Path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>The web defaults with the clinic's JSON conventions (the API reads requests with the same).</summary>
    private static System.Text.Json.JsonSerializerOptions RequestJson()
    {
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        ClinicMarten.ConfigureJson(json);
        return json;
    }

    public async Task<Guid> CreateAsync(HttpClient client, CancellationToken cancellationToken) =>
        (await SendAsync(client, cancellationToken))!["id"]!.GetValue<Guid>();
}
