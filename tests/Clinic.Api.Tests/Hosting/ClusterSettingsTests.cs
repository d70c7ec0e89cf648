using Clinic.Api.Hosting;
using Clinic.Api.Tests.Support;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Clinic.Api.Tests.Hosting;

public class ClusterSettingsTests
{
    [Fact]
    public void The_cluster_section_sets_Marten_s_leadership_polling_and_Wolverine_s_heartbeats_and_stale_node_timeout()
    {
        var settings = ClusterSettings.From(Configuration(new()
        {
            ["Cluster:ProjectionTakeoverPolling"] = "00:00:01.500",
            ["Cluster:NodeHeartbeatInterval"] = "00:00:02",
            ["Cluster:StaleNodeTimeout"] = "00:00:08",
        }));
        var projections = new DaemonSettings();
        var durability = new WolverineOptions().Durability;

        settings.ApplyTo(projections);
        settings.ApplyTo(durability);

        projections.LeadershipPollingTime.ShouldBe(1500);
        durability.HealthCheckPollingTime.ShouldBe(TimeSpan.FromSeconds(2));
        durability.OrphanedMessageSweepPollingTime.ShouldBe(TimeSpan.FromSeconds(2));
        durability.StaleNodeTimeout.ShouldBe(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task A_started_api_runs_with_the_cluster_sections_timings()
    {
        var host = new ClusterApiHost();
        await host.InitializeAsync();
        try
        {
            ((DocumentStore)host.Store()).Options.Projections.LeadershipPollingTime.ShouldBe(1250);
            var durability = host.Services.GetRequiredService<WolverineOptions>().Durability;
            durability.HealthCheckPollingTime.ShouldBe(TimeSpan.FromSeconds(3));
            durability.OrphanedMessageSweepPollingTime.ShouldBe(TimeSpan.FromSeconds(3));
            durability.StaleNodeTimeout.ShouldBe(TimeSpan.FromSeconds(11));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public void A_stale_node_timeout_under_three_heartbeats_is_refused_at_startup() =>
        Should.Throw<InvalidOperationException>(() => ClusterSettings.From(Configuration(new()
        {
            ["Cluster:NodeHeartbeatInterval"] = "00:00:05",
            ["Cluster:StaleNodeTimeout"] = "00:00:14",
        }))).Message.ShouldContain("Cluster:StaleNodeTimeout");

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>The API with timings none of which is a default (docs/operations.md, Two nodes and more).</summary>
    private sealed class ClusterApiHost : ApiHost
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => new Dictionary<string, string?>
        {
            ["Cluster:ProjectionTakeoverPolling"] = "00:00:01.250",
            ["Cluster:NodeHeartbeatInterval"] = "00:00:03",
            ["Cluster:StaleNodeTimeout"] = "00:00:11",
        };
    }
}
