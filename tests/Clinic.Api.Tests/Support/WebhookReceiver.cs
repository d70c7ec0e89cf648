using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Clinic.Api.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// A webhook subscriber in the test process: it checks every delivery's signature with the shared secret,
/// records the valid ones, and can be told to fail.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "webhook-secret-for-tests-0123456789";

    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonNode> Received { get; } = new();
    public int Rejected;
    public int Failures;
    public bool Failing { get; set; }
    public string Url => _app.Urls.First() + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        if (Failing)
        {
            Interlocked.Increment(ref Failures);
            return Results.StatusCode(503);
        }
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var timestamp = long.Parse(request.Headers[WebhookSignature.TimestampHeader]!);
        if (!WebhookSignature.IsValid(Secret, timestamp, body, request.Headers[WebhookSignature.SignatureHeader]!))
        {
            Interlocked.Increment(ref Rejected);
            return Results.Unauthorized();
        }
        var notification = JsonNode.Parse(body)!;
        notification["messageIdHeader"] = request.Headers[WebhookSignature.MessageIdHeader].ToString();
        Received.Enqueue(notification);
        return Results.Ok();
    }

    public IEnumerable<JsonNode> OfKind(string kind) => Received.Where(n => n["kind"]!.GetValue<string>() == kind);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
