using System.Diagnostics;
using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Faults;

/// <summary>The embedded PostgreSQL server's postmaster killed (SIGKILL) under the API that started it.</summary>
[Collection(FaultsCollection.Name), Trait(FaultsCollection.Category, FaultsCollection.Name)]
public class EmbeddedPostmasterKillTests
{
    [Fact]
    public async Task The_api_starts_its_killed_embedded_server_again_by_itself_and_serves_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-fault-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var clinic = TestClinic.Unique("embedded");
            await using var api = await ApiProcess.StartAsync($"--Clinic:DataDirectory={folder}");
            var load = WriteLoad.Start(api, clinic, clients: 2);
            await using (load)
            {
                await load.WaitForMoreAcknowledgedAsync(10);
                using (var postmaster = Process.GetProcessById(int.Parse(File.ReadLines(Path.Combine(folder, "postmaster.pid")).First())))
                    postmaster.Kill();
                await load.WaitForOutageAnswersAsync(1);
                await load.WaitForMoreAcknowledgedAsync(10);
            }

            load.WrongAnswers.ShouldBeEmpty();
            api.LinesContaining("was started again").Count.ShouldBe(1, string.Join('\n', api.Log));
            await KeptWrites.ShouldAllBeKeptAsync(api, clinic, [.. load.Acknowledged]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
