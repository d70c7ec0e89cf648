using Clinic.Api.Tests.Support;
using JasperFx.OpenTelemetry;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Clinic.Api.Tests.Hosting;

/// <summary>The API as the tests host it, with no <c>OTEL_*</c> setting: no tracer or meter provider, Marten tracks nothing.</summary>
public class TelemetryOffTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public void Without_otel_settings_no_provider_is_registered_and_marten_tracks_nothing()
    {
        host.Services.GetService<TracerProvider>().ShouldBeNull();
        host.Services.GetService<MeterProvider>().ShouldBeNull();
        host.Services.GetRequiredService<StoreOptions>().OpenTelemetry.TrackConnections.ShouldBe(TrackLevel.None);
    }
}
