using System.Text.Json;
using Clinic.Api.Database;
using Clinic.Api.History;
using Clinic.Api.Tests.Support;
using Marten;

namespace Clinic.Api.Tests.Storage;

/// <summary>
/// Stored documents leave out what a fold computes (a patient's active plan, current screening, open side effects...):
/// what Marten reads back must still be the very state the events fold to.
/// </summary>
public class StoredJsonTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string[] Computed =
        ["activePlan", "currentScreening", "openSideEffects", "sideEffectsAwaitingReview", "consentScopes", "isTreatmentSuspended", "isLive"];

    [Fact]
    public async Task A_history_too_long_to_stay_in_its_page_as_it_is_is_compressed_with_lz4_when_the_server_has_it()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.PerformedSessionAsync(Journey.Slot(3));
        var serverHasLz4 = await StoredText.ScalarAsync("SELECT $1 = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'", "lz4") is true;

        (await StoredText.ScalarAsync($"SELECT pg_column_compression(data) FROM {host.Schema}.mt_doc_patienthistory WHERE id = $1", journey.PatientId))
            .ShouldBe(serverHasLz4 ? "lz4" : "pglz");
    }

    [Fact]
    public async Task A_stored_history_holds_no_computed_value_and_reads_back_as_the_fold_of_its_events()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var performed = await journey.PerformedSessionAsync(Journey.Slot(3));
        await journey.ScheduleAsync(Journey.Slot(10));
        await journey.ReportSideEffectAsync(performed, serious: false, Journey.Slot(4));
        await using var session = host.Store().QuerySession(journey.Clinic);

        var stored = await session.Json.FindByIdAsync<PatientHistory>(journey.PatientId);
        var loaded = await session.LoadAsync<PatientHistory>(journey.PatientId);
        var folded = await session.Events.AggregateStreamAsync<PatientHistory>(journey.PatientId);

        foreach (var name in Computed)
            stored!.ShouldNotContain($"\"{name}\"", Case.Sensitive, "computed again by every fold, so not stored");
        Full(loaded!).ShouldBe(Full(folded!));
        Full(loaded!).ShouldContain("\"activePlan\"", Case.Sensitive, "the computed values are there once read back");
    }

    /// <summary>Everything, computed properties included, as the API would show it.</summary>
    private static string Full(PatientHistory history)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ClinicMarten.ConfigureJson(json);
        return JsonSerializer.Serialize(history, json);
    }
}
