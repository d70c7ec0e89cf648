using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Clinic.Api.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// A webhook subscriber in the test process, checking every delivery as a real receiver should: a signature made
/// with the shared secret over timestamp and body, and a recent timestamp. It records the valid deliveries, as
/// parsed JSON and as signed, and can be told to fail.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "webhook-secret-for-tests-0123456789";

    /// <summary>How old a timestamp may be before the delivery is refused as a possible replay.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private WebApplication _app = null!;
    private TaskCompletionSource _open = Opened();

    private WebhookReceiver()
    {
    }

    public ConcurrentQueue<JsonNode> Received { get; } = new();
    public ConcurrentQueue<SignedDelivery> Signed { get; } = new();
    public int Rejected;
    public int Failures;
    public bool Failing { get; set; }
    public string Url => _app.Urls.First() + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._app = await LoopbackServer.StartAsync(app => app.MapPost("/hook", receiver.ReceiveAsync));
        return receiver;
    }

    /// <summary>Keeps each delivery waiting, unanswered and not recorded, until <see cref="Release"/>; one whose sender goes away meanwhile is never recorded.</summary>
    public void Hold() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _open.TrySetResult();

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        await _open.Task.WaitAsync(request.HttpContext.RequestAborted);
        if (Failing)
        {
            Interlocked.Increment(ref Failures);
            return Results.StatusCode(503);
        }
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var signature = request.Headers[WebhookSignature.SignatureHeader].ToString();
        if (!long.TryParse(request.Headers[WebhookSignature.TimestampHeader], out var timestamp)
            || !IsRecent(timestamp) || !WebhookSignature.IsValid(Secret, timestamp, body, signature))
        {
            Interlocked.Increment(ref Rejected);
            return Results.Unauthorized();
        }
        var notification = JsonNode.Parse(body)!;
        notification["messageIdHeader"] = request.Headers[WebhookSignature.MessageIdHeader].ToString();
        Signed.Enqueue(new SignedDelivery(timestamp, body, signature));
        Received.Enqueue(notification);
        return Results.Ok();
    }

    private static bool IsRecent(long timestamp) =>
        (DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() <= MaxAge;

    public IEnumerable<JsonNode> OfKind(string kind) => Received.Where(n => n["kind"]!.GetValue<string>() == kind);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A delivery as it came: the timestamp header, the raw body and the signature header.</summary>
    public sealed record SignedDelivery(long Timestamp, string Body, string Signature);
}
