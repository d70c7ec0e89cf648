using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// The API with telemetry on as an operator turns it on (an OTLP endpoint in the <c>OTEL_*</c> settings), exporting to
/// an OTLP collector in the test process, and besides to memory: the spans and metrics as the exporters see them.
/// The tracer and meter providers listen to the whole process, so the spans of other tests' hosts are there too.
/// </summary>
public sealed class TelemetryApiHost : ApiHost
{
    private OtlpCollector? _collector;

    public LockedCollection<Activity> Spans { get; } = new();
    public LockedCollection<MetricSnapshot> Metrics { get; } = new();
    public OtlpCollector Collector => _collector!;

    public override async Task InitializeAsync()
    {
        _collector = await OtlpCollector.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_collector is not null)
            await _collector.DisposeAsync();
    }

    /// <summary>Exports now what the providers hold: the batched OTLP spans and the periodic metrics.</summary>
    public void Flush()
    {
        Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
        Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = "clinic-api-tests",
    };

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
    }
}
