using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// An OTLP/HTTP collector in the test process: it keeps the protobuf bodies the API exports, by signal. OTLP writes
/// strings as their UTF-8 bytes, so a value that is in no body was exported nowhere.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private WebApplication _app = null!;

    private OtlpCollector()
    {
    }

    public ConcurrentQueue<(string Signal, byte[] Body)> Received { get; } = new();
    public string Endpoint => _app.Urls.First();

    public static async Task<OtlpCollector> StartAsync()
    {
        var collector = new OtlpCollector();
        collector._app = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", collector.ReceiveAsync));
        return collector;
    }

    public bool AnyContains(string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(value);
        return Received.Any(export => export.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        Received.Enqueue((signal, body.ToArray()));
        return Results.Ok();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
