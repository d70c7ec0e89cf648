using Clinic.Api.Tests.Faults;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Storage;

/// <summary>
/// The fault tests tell which node runs a projection by its advisory lock: every async projection of the store is
/// looked for (a new one too), and the lock looked for is the one the daemon takes.
/// </summary>
public class ProjectionLockTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Every_async_projection_of_the_store_is_found_held_by_the_running_daemon()
    {
        var shards = await ProjectionLocks.AsyncShardsAsync(host.Schema);
        shards.Select(shard => shard.Name).ShouldContain("clinic-dashboard");

        var holders = await Eventually.WaitForAsync(async () =>
            await ProjectionLocks.HoldersAsync(host.Schema) is var held && held.Values.All(sessions => sessions.Count == 1) ? held : null);
        holders.Keys.ShouldBe(shards.Select(shard => shard.Name), ignoreOrder: true);
    }
}
