using Clinic.Api.Tests.Support;
using Clinic.Testing;

namespace Clinic.Api.Tests.Faults;

/// <summary>The API's process killed (SIGKILL) in the middle of concurrent writes, then started again on the same database.</summary>
[Collection(FaultsCollection.Name), Trait(FaultsCollection.Category, FaultsCollection.Name)]
public class ApiKillTests
{
    [Fact]
    public async Task Every_write_acknowledged_before_a_kill_is_kept_once_in_every_projection_after_a_restart()
    {
        var clinic = TestClinic.Unique("killed");
        await using var api = await ApiProcess.StartAsync(
            $"--ConnectionStrings:Clinic={await TestDatabase.ConnectionStringAsync()}", $"--Clinic:Schema={TestDatabase.UniqueSchema()}");

        var load = WriteLoad.Start(api, clinic, clients: 6);
        await using (load)
        {
            await load.WaitForMoreAcknowledgedAsync(60);
            api.Kill();
            await api.StartAsync();
            await load.WaitForMoreAcknowledgedAsync(30);
        }

        load.WrongAnswers.ShouldBeEmpty();
        load.Unanswered.ShouldBeGreaterThan(0, "no request met the dead process");
        await KeptWrites.ShouldAllBeKeptAsync(api, clinic, [.. load.Acknowledged]);
    }
}
