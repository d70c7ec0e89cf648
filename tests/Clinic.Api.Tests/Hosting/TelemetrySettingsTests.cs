using Clinic.Api.Hosting;
using Microsoft.Extensions.Configuration;

namespace Clinic.Api.Tests.Hosting;

/// <summary>Telemetry is exported only where the <c>OTEL_*</c> variables ask for it, to the exporters they name.</summary>
public class TelemetrySettingsTests
{
    [Fact]
    public void Without_otel_variables_nothing_is_exported()
    {
        var settings = Settings();

        settings.IsOn.ShouldBeFalse();
        settings.ServiceName.ShouldBe(TelemetrySettings.DefaultServiceName);
    }

    [Fact]
    public void An_otlp_endpoint_exports_traces_and_metrics_over_otlp() =>
        Settings(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")).ShouldSatisfyAllConditions(
            settings => settings.TraceExporters.ShouldBe([TelemetrySettings.Otlp]),
            settings => settings.MetricExporters.ShouldBe([TelemetrySettings.Otlp]));

    [Fact]
    public void A_signals_own_endpoint_exports_that_signal_only() =>
        Settings(("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces")).ShouldSatisfyAllConditions(
            settings => settings.TraceExporters.ShouldBe([TelemetrySettings.Otlp]),
            settings => settings.MetricExporters.ShouldBeEmpty());

    [Fact]
    public void The_exporter_variables_choose_per_signal() =>
        Settings(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), ("OTEL_TRACES_EXPORTER", "Console, otlp"), ("OTEL_METRICS_EXPORTER", "none"))
            .ShouldSatisfyAllConditions(
                settings => settings.TraceExporters.ShouldBe([TelemetrySettings.Console, TelemetrySettings.Otlp], ignoreOrder: true),
                settings => settings.MetricExporters.ShouldBeEmpty());

    [Fact]
    public void The_sdk_disabled_exports_nothing_whatever_else_is_set() =>
        Settings(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), ("OTEL_TRACES_EXPORTER", "console"), ("OTEL_SDK_DISABLED", "true"))
            .IsOn.ShouldBeFalse();

    [Fact]
    public void An_exporter_the_api_does_not_have_is_refused_at_start() =>
        Should.Throw<InvalidOperationException>(() => Settings(("OTEL_METRICS_EXPORTER", "prometheus")))
            .Message.ShouldContain("OTEL_METRICS_EXPORTER names the exporter 'prometheus'");

    [Fact]
    public void The_service_name_is_the_configured_one() =>
        Settings(("OTEL_SERVICE_NAME", "clinic-api-eu")).ServiceName.ShouldBe("clinic-api-eu");

    private static TelemetrySettings Settings(params (string Key, string Value)[] values) =>
        TelemetrySettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value))).Build());
}
