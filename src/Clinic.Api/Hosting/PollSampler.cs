using OpenTelemetry.Trace;

namespace Clinic.Api.Hosting;

/// <summary>
/// Every trace is sampled but the async daemon's high-water polls, twice a second on the node that runs it, with the
/// commands under them: they say nothing of the clinic's work and would be most of what is exported.
/// </summary>
internal sealed class PollSampler : Sampler
{
    public const string HighWaterPoll = "marten.daemon.highwatermark";

    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        new(parameters.Name == HighWaterPoll ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
}
