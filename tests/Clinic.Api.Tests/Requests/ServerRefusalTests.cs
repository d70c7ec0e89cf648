using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Requests;

/// <summary>
/// Requests refused by the web server rather than by an endpoint, through a real Kestrel listener. Kestrel refuses
/// some before the application runs, with an empty body that the application cannot shape (docs/api.md lists them);
/// what reaches the application is a problem with a <c>code</c> like every other refusal.
/// </summary>
public class ServerRefusalTests(ApiHost host) : IClassFixture<ApiHost>
{
    public static TheoryData<string, int> RefusedBeforeTheApplication => new()
    {
        { "nul-in-path", 400 },
        { "request-line-too-long", 414 },
        { "headers-too-large", 431 },
        { "too-many-headers", 431 },
        { "no-host", 400 },
        { "unknown-http-version", 505 },
    };

    [Theory]
    [MemberData(nameof(RefusedBeforeTheApplication))]
    public async Task What_kestrel_refuses_before_the_application_runs_has_an_empty_body(string kind, int status)
    {
        var token = $"Authorization: Bearer {ApiHost.Token("receptionist", TestClinic.Unique(), "u-1")}";
        var (requestLine, headers) = kind switch
        {
            "nul-in-path" => ("GET /api/patients/%00/history HTTP/1.1", [token]),
            "request-line-too-long" => ($"GET /api/audit?actor={new string('a', 8192)} HTTP/1.1", [token]),
            "headers-too-large" => ("GET /api/clinic/policy HTTP/1.1", [token, $"X-Large: {new string('a', 32 * 1024)}"]),
            "too-many-headers" => ("GET /api/clinic/policy HTTP/1.1", [token, .. Enumerable.Range(0, 100).Select(i => $"X-Header-{i}: {i}")]),
            "unknown-http-version" => ("GET /api/clinic/policy HTTP/9.9", [token]),
            _ => ("GET /api/clinic/policy HTTP/1.1", new[] { token }),
        };

        var response = await RawHttp.SendAsync(host.BaseAddress, requestLine, headers, withHost: kind != "no-host");

        response.Status.ShouldBe(status);
        response.Body.ShouldBeEmpty();
        response.Headers.ContainsKey("X-Correlation-Id").ShouldBeFalse("the application, which gives every answer one, never ran");
    }

    [Theory]
    [InlineData("/api/audit?actor=ana%00", HttpStatusCode.BadRequest, "malformed-request")]
    [InlineData("/api/patients/%C0%AF/history", HttpStatusCode.BadRequest, "malformed-request")]
    [InlineData("/api/%C0%AF", HttpStatusCode.NotFound, "unknown-path")]
    public async Task Odd_encodings_kestrel_lets_through_are_problems_with_a_code(string path, HttpStatusCode status, string code)
    {
        var response = await RawHttp.SendAsync(host.BaseAddress, $"GET {path} HTTP/1.1",
            [$"Authorization: Bearer {ApiHost.Token("clinic-admin", TestClinic.Unique(), "u-1")}"]);

        ShouldBeProblem(response, status, code);
    }

    [Theory]
    [InlineData("ZZ\r\n")]
    [InlineData("1\r\n{XX")]
    public async Task A_body_whose_chunked_framing_cannot_be_read_is_400_malformed_request(string chunked)
    {
        var response = await RawHttp.SendAsync(host.BaseAddress, "POST /api/patients HTTP/1.1",
            [$"Authorization: Bearer {ApiHost.Token("receptionist", TestClinic.Unique(), "u-1")}", "Content-Type: application/json", "Transfer-Encoding: chunked"],
            chunked);

        ShouldBeProblem(response, HttpStatusCode.BadRequest, "malformed-request");
    }

    private static void ShouldBeProblem(RawHttp response, HttpStatusCode status, string code)
    {
        response.Status.ShouldBe((int)status, response.Body);
        response.Headers["Content-Type"].ShouldBe("application/problem+json");
        JsonNode.Parse(response.Body)!["code"]!.GetValue<string>().ShouldBe(code, response.Body);
    }
}
