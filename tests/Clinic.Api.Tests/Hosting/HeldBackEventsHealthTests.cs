using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Hosting;

/// <summary>/health/ready turns Degraded (still 200: requests are served) while events wait too long behind an open transaction.</summary>
public class HeldBackEventsHealthTests(HeldBackEventsHealthTests.QuicklyDegradedHost host) : IClassFixture<HeldBackEventsHealthTests.QuicklyDegradedHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Readiness_is_degraded_while_events_are_held_back_longer_than_the_threshold_and_healthy_again_after()
    {
        await using (await HeldTransaction.BeginAsync(host))
        {
            await new Journey(host).RegisterPatientAsync();
            (await ReadinessEventuallyAsync("Degraded")).ShouldBe("Degraded");
        }
        (await ReadinessEventuallyAsync("Healthy")).ShouldBe("Healthy");
    }

    private async Task<string> ReadinessEventuallyAsync(string expected)
    {
        var client = host.AnonymousClient();
        var deadline = DateTime.UtcNow + Patience;
        string readiness;
        do
        {
            var response = await client.GetAsync("/health/ready");
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            readiness = await response.Content.ReadAsStringAsync();
            if (readiness != expected)
                await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        while (readiness != expected && DateTime.UtcNow < deadline);
        return readiness;
    }

    public sealed class QuicklyDegradedHost : ApiHost
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
            [new("Clinic:HeldBackDegradedAfter", "00:00:00.300")];
    }
}
