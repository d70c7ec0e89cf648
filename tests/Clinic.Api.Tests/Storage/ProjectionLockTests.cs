using Clinic.Api.Tests.Faults;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Storage;

/// <summary>
/// The fault tests tell which node runs a projection by its advisory lock: the async projections they look for are the
/// store's (the ones the documentation lists), and the lock looked for is the one the daemon takes.
/// </summary>
public class ProjectionLockTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>The async projections docs/operations.md lists ("Two nodes and more"): a new one is added there and here.</summary>
    private static readonly string[] DocumentedAsyncProjections = ["practitioner-schedule", "audit-trail", "clinic-dashboard"];

    [Fact]
    public async Task Every_async_projection_of_the_store_is_found_held_by_the_running_daemon()
    {
        var holders = await Eventually.WaitForAsync(async () =>
            await ProjectionLocks.HoldersAsync(host.Schema) is var held && held.Values.All(sessions => sessions.Count == 1) ? held : null);

        holders.Keys.ShouldBe(DocumentedAsyncProjections, ignoreOrder: true);
    }
}
