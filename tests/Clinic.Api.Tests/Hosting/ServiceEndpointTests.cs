using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Hosting;

/// <summary>What serves the API rather than the clinic: the OpenAPI document and the health probes, all anonymous.</summary>
public class ServiceEndpointTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task The_openapi_document_lists_every_api_path_and_method()
    {
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith("/api"))
            .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<HttpMethodMetadata>().SelectMany(m => m.HttpMethods)
                .Select(method => (Path: ApiPaths.Normalize(endpoint.RoutePattern.RawText!), Method: method.ToLowerInvariant())))
            .ToList();

        var document = await host.AnonymousClient().GetOkAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        mapped.Count.ShouldBeGreaterThan(20);
        foreach (var (path, method) in mapped)
            (Normalized(paths).GetValueOrDefault(path)?[method]).ShouldNotBeNull($"{method.ToUpperInvariant()} {path} is not in the OpenAPI document");
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_scheme_and_the_problems_of_each_operation()
    {
        var document = await host.AnonymousClient().GetOkAsync("/openapi/v1.json");

        document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        document["components"]!["schemas"]!["Problem"]!["properties"]!["code"].ShouldNotBeNull();
        var booking = document["paths"]!["/api/sessions"]!["post"]!;
        booking["security"]![0]!["Bearer"].ShouldNotBeNull();
        foreach (var status in new[] { "400", "401", "403", "409", "422" })
            booking["responses"]![status]!["content"]!["application/problem+json"].ShouldNotBeNull($"POST /api/sessions documents {status}");
        document["paths"]!["/api/patients/{patientId}/history"]!["get"]!["responses"]!["404"].ShouldNotBeNull();
        (document["paths"]!["/health/live"]?["get"]?["security"]).ShouldBeNull("health probes are anonymous");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_answer_200_without_a_token(string path)
    {
        var response = await host.AnonymousClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    private static Dictionary<string, JsonNode?> Normalized(JsonObject paths) =>
        paths.ToDictionary(path => ApiPaths.Normalize(path.Key), path => path.Value);
}
