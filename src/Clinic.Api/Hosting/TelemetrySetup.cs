using System.Diagnostics;
using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Clinic.Api.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics of the HTTP requests, Wolverine's handlers, Marten's sessions and Npgsql's commands,
/// exported as the <c>OTEL_*</c> variables say (<see cref="TelemetrySettings"/>); without them nothing is registered.
/// Spans carry the request's correlation id and never a personal value (docs/operations.md, Telemetry).
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>The activity sources traced beside ASP.NET Core's and Npgsql's.</summary>
    public static readonly string[] Sources = ["Wolverine", "Marten"];

    /// <summary>The meters read beside ASP.NET Core's and Npgsql's; Wolverine names its meter after the service ("Wolverine:clinic").</summary>
    public static readonly string[] Meters = ["Wolverine:*", "Marten"];

    public static void AddClinicTelemetry(this WebApplicationBuilder builder)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        if (!settings.IsOn)
            return;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName));
        if (settings.TraceExporters.Count > 0)
            telemetry.WithTracing(tracing => AddExporters(AddClinicTracing(tracing), settings.TraceExporters));
        if (settings.MetricExporters.Count > 0)
            telemetry.WithMetrics(metrics => AddExporters(AddClinicMetrics(metrics), settings.MetricExporters));
        builder.Services.ConfigureMarten(options =>
        {
            options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            options.OpenTelemetry.TrackEventCounters();
        });
    }

    /// <summary>Tags every span of a request with its correlation id, when traces are exported.</summary>
    public static IApplicationBuilder UseCorrelationTelemetry(this WebApplication app) =>
        app.Services.GetService<TracerProvider>() is null ? app : app.Use(CorrelationSpans.TagRequestAsync);

    /// <summary>What is traced, and how spans are kept free of personal values: before any exporter, which sees spans as this leaves them.</summary>
    public static TracerProviderBuilder AddClinicTracing(this TracerProviderBuilder tracing) => tracing
        .SetSampler(new ParentBasedSampler(new PollSampler()))
        .AddProcessor(new CorrelationSpans())
        .AddProcessor(new ExceptionRedaction(Sources.Append(NpgsqlSourceName)))
        // Exceptions are left off the request span: their messages may quote what was sent.
        .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.RecordException = false)
        .AddSource(Sources)
        .AddNpgsql();

    /// <summary>
    /// A database command is traced as part of a traced operation (a request, a handler, a Marten session), not on its
    /// own: Wolverine's and the daemon's pollers would otherwise send a dozen root spans a second.
    /// </summary>
    public static void TraceCommandsOfOperations(NpgsqlTracingOptionsBuilder tracing) => tracing
        .ConfigureCommandFilter(_ => Activity.Current is not null)
        .ConfigureBatchFilter(_ => Activity.Current is not null);

    public static MeterProviderBuilder AddClinicMetrics(this MeterProviderBuilder metrics) => metrics
        .AddAspNetCoreInstrumentation()
        .AddMeter(Meters)
        .AddNpgsqlInstrumentation();

    private const string NpgsqlSourceName = "Npgsql";

    private static void AddExporters(TracerProviderBuilder tracing, IReadOnlySet<string> exporters)
    {
        if (exporters.Contains(TelemetrySettings.Otlp))
            tracing.AddOtlpExporter();
        if (exporters.Contains(TelemetrySettings.Console))
            tracing.AddConsoleExporter();
    }

    private static void AddExporters(MeterProviderBuilder metrics, IReadOnlySet<string> exporters)
    {
        if (exporters.Contains(TelemetrySettings.Otlp))
            metrics.AddOtlpExporter();
        if (exporters.Contains(TelemetrySettings.Console))
            metrics.AddConsoleExporter();
    }
}
