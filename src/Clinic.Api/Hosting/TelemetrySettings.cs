namespace Clinic.Api.Hosting;

/// <summary>
/// Which exporters receive the API's traces and metrics, from the standard <c>OTEL_*</c> variables (read through the
/// configuration, so also settable as configuration keys). Nothing is exported unless they ask for it: an OTLP endpoint
/// turns on OTLP export of both signals, and <c>OTEL_TRACES_EXPORTER</c> / <c>OTEL_METRICS_EXPORTER</c> choose per signal
/// among <c>otlp</c>, <c>console</c> and <c>none</c>.
/// </summary>
public sealed record TelemetrySettings(IReadOnlySet<string> TraceExporters, IReadOnlySet<string> MetricExporters, string ServiceName)
{
    public const string Otlp = "otlp";
    public const string Console = "console";
    public const string DefaultServiceName = "clinic-api";

    private const string None = "none";
    private static readonly string[] Known = [Otlp, Console, None];

    public bool IsOn => TraceExporters.Count > 0 || MetricExporters.Count > 0;

    public static TelemetrySettings From(IConfiguration configuration)
    {
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;
        if (string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase))
            return new TelemetrySettings(new HashSet<string>(), new HashSet<string>(), serviceName);
        return new TelemetrySettings(
            Exporters(configuration, "OTEL_TRACES_EXPORTER", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
            Exporters(configuration, "OTEL_METRICS_EXPORTER", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"),
            serviceName);
    }

    /// <summary>The exporters <paramref name="exportersKey"/> names; unset, OTLP if an OTLP endpoint is configured, else none.</summary>
    private static HashSet<string> Exporters(IConfiguration configuration, string exportersKey, string signalEndpointKey)
    {
        if (configuration[exportersKey] is not { Length: > 0 } listed)
            return IsSet(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT") || IsSet(configuration, signalEndpointKey) ? [Otlp] : [];
        var names = listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(exporter => exporter.ToLowerInvariant()).ToHashSet();
        if (names.FirstOrDefault(exporter => !Known.Contains(exporter)) is { } unknown)
            throw new InvalidOperationException($"{exportersKey} names the exporter '{unknown}': this API exports to otlp, console or none.");
        names.Remove(None);
        return names;
    }

    private static bool IsSet(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
