using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// An OTLP/HTTP collector in the test process: it keeps the protobuf bodies the API exports, by signal. OTLP writes
/// strings as their UTF-8 bytes, so a value that is in no body was exported nowhere.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpCollector(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Signal, byte[] Body)> Received { get; } = new();
    public string Endpoint => _app.Urls.First();

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var collector = new OtlpCollector(app);
        app.MapPost("/v1/{signal}", collector.ReceiveAsync);
        await app.StartAsync();
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
