using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Integrity;

/// <summary>Checkpoints taken on the configured interval, of every clinic whose streams changed.</summary>
public class ScheduledCheckpointTests(ScheduledCheckpointTests.FrequentCheckpointsApiHost host) : IClassFixture<ScheduledCheckpointTests.FrequentCheckpointsApiHost>
{
    [Fact]
    public async Task A_clinic_whose_streams_changed_gets_a_checkpoint_without_asking()
    {
        var journey = await new Journey(host).RegisterPatientAsync();

        var latest = await Eventually.WaitForAsync(async () =>
        {
            var response = await journey.Admin.GetAsync("/api/integrity/checkpoints/latest");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        });

        latest.ShouldContain("\"sequence\":1");
    }

    public sealed class FrequentCheckpointsApiHost : ApiHost
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Integrity:CheckpointInterval", "00:00:00.200")];
    }
}
