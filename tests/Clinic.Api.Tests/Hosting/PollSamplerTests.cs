using System.Diagnostics;
using Clinic.Api.Hosting;
using Clinic.Api.Tests.Support;
using OpenTelemetry.Trace;

namespace Clinic.Api.Tests.Hosting;

public class PollSamplerTests
{
    [Fact]
    public void The_daemons_high_water_poll_is_dropped() =>
        Decision("marten.daemon.highwatermark").ShouldBe(SamplingDecision.Drop);

    [Theory]
    [InlineData("marten.connection")]
    [InlineData("marten.daemon.highwatermark.other")]
    [InlineData("marten.clinic-dashboard.all.page.execution")]
    [InlineData("POST /api/patients")]
    [InlineData("RegisterPatient")]
    public void Every_other_span_is_recorded_and_sampled(string name) =>
        Decision(name).ShouldBe(SamplingDecision.RecordAndSample);

    /// <summary>
    /// The daemon does start its high-water polls under the name the sampler drops: JasperFx names them after Marten's
    /// OpenTelemetry prefix, which a change of Marten could change.
    /// </summary>
    [Fact]
    public async Task The_daemon_names_its_high_water_polls_as_the_sampler_expects()
    {
        var polls = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Marten",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                if (activity.OperationName == PollSampler.HighWaterPoll)
                    Interlocked.Increment(ref polls);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var host = new ApiHost();
        await host.InitializeAsync();
        try
        {
            await Eventually.WaitForAsync(() => Volatile.Read(ref polls) > 0 ? "polled" : null);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static SamplingDecision Decision(string name) =>
        new PollSampler().ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), name, ActivityKind.Internal)).Decision;
}
