using Clinic.Api.History;
using Clinic.Api.Tests.Support;
using Marten;
using Xunit.Abstractions;

namespace Clinic.Api.Tests.Storage;

/// <summary>Below the HTTP checks: a Marten session of one clinic (tenant) neither reads nor writes another clinic's stream or documents.</summary>
public class TenantStorageIsolationTests(ApiHost host, ITestOutputHelper output) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_clinics_session_cannot_load_another_clinics_history_or_fetch_its_stream()
    {
        var (ours, theirs) = await TwoClinicsAsync();
        await using var session = host.Store().QuerySession(ours.Clinic);

        (await session.LoadAsync<PatientHistory>(theirs.PatientId)).ShouldBeNull();
        (await session.Query<PatientHistory>().Where(h => h.Id == theirs.PatientId).ToListAsync()).ShouldBeEmpty();
        (await session.Events.FetchStreamAsync(theirs.PatientId)).ShouldBeEmpty();
        (await session.Events.FetchStreamStateAsync(theirs.PatientId)).ShouldBeNull();
        (await session.Events.QueryAllRawEvents().Where(e => e.StreamId == theirs.PatientId).CountAsync()).ShouldBe(0);
        (await session.LoadAsync<PatientHistory>(ours.PatientId)).ShouldNotBeNull("the same session reads its own clinic's history");
    }

    [Fact]
    public async Task Appending_to_another_clinics_stream_id_changes_nothing_in_that_clinic()
    {
        var (ours, theirs) = await TwoClinicsAsync();
        var theirsBefore = await StreamAndHistoryAsync(theirs);

        var outcome = await AppendFromAsync(ours.Clinic, theirs.PatientId, theirsBefore.Events[^1].Data);

        output.WriteLine($"Appending to clinic {theirs.Clinic}'s stream from clinic {ours.Clinic}'s session: {outcome}");
        var theirsAfter = await StreamAndHistoryAsync(theirs);
        theirsAfter.Events.Select(e => e.Id).ShouldBe(theirsBefore.Events.Select(e => e.Id));
        theirsAfter.History.ShouldBe(theirsBefore.History);
        await using var ourSession = host.Store().QuerySession(ours.Clinic);
        var ourEvents = await ourSession.Events.FetchStreamAsync(theirs.PatientId);
        ourEvents.ShouldAllBe(e => e.TenantId == ours.Clinic, "whatever the append created stays in the appending clinic");
    }

    private async Task<string> AppendFromAsync(string clinic, Guid streamId, object data)
    {
        await using var session = host.Store().LightweightSession(clinic);
        session.Events.Append(streamId, data);
        try
        {
            await session.SaveChangesAsync();
            return "committed (in the appending clinic)";
        }
        catch (Exception refused)
        {
            return $"refused: {refused.GetType().Name}: {refused.Message.Split('\n')[0]}";
        }
    }

    private async Task<(IReadOnlyList<JasperFx.Events.IEvent> Events, string History)> StreamAndHistoryAsync(Journey journey)
    {
        await using var session = host.Store().QuerySession(journey.Clinic);
        var events = await session.Events.FetchStreamAsync(journey.PatientId);
        var history = await session.Json.FindByIdAsync<PatientHistory>(journey.PatientId);
        return (events, history!);
    }

    private async Task<(Journey Ours, Journey Theirs)> TwoClinicsAsync()
    {
        var ours = await new Journey(host).RegisterPatientAsync();
        var theirs = await new Journey(host).RegisterPatientAsync();
        await theirs.ConsentAsync();
        return (ours, theirs);
    }
}
