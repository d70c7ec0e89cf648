using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Auth;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Integrity;

/// <summary>
/// The hash chain and the signed checkpoints against a superuser who changes the database directly: each change is
/// reported where it was made, with its kind; an untouched store verifies. Each test tampers with a clinic of its own.
/// </summary>
public class TamperEvidenceTests(ApiHost host) : IClassFixture<ApiHost>
{
    private readonly StoredChain _stored = new(host);

    [Fact]
    public async Task An_untouched_store_verifies_every_event_of_the_clinic()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await TakeCheckpointAsync(journey);

        var report = await VerifyAsync(journey);

        report["verified"]!.GetValue<bool>().ShouldBeTrue(report.ToJsonString());
        report["eventsChecked"]!.GetValue<long>().ShouldBe(await _stored.EventCountAsync(journey.Clinic));
        report["breaks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_event_whose_data_was_updated_is_altered()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();

        await _stored.TamperAsync(journey.Clinic, journey.PatientId,
            $"UPDATE {_stored.Events} SET data = jsonb_set(data, ARRAY['tampered'], 'true') WHERE tenant_id = $1 AND stream_id = $2 AND version = 2");

        (await BreaksAsync(journey)).ShouldBe([Break(journey.PatientId, 2, "altered")]);
    }

    [Fact]
    public async Task A_deleted_event_is_missing()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();

        await _stored.TamperAsync(journey.Clinic, journey.PatientId, $"DELETE FROM {_stored.Events} WHERE tenant_id = $1 AND stream_id = $2 AND version = 2");

        (await BreaksAsync(journey)).ShouldBe([Break(journey.PatientId, 2, "missing")]);
    }

    [Fact]
    public async Task A_deleted_event_and_its_hash_are_missing_from_the_chain()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();

        await _stored.TamperAsync(journey.Clinic, journey.PatientId, $"""
            DELETE FROM {_stored.Events} WHERE tenant_id = $1 AND stream_id = $2 AND version = 2;
            DELETE FROM {_stored.Hashes} WHERE tenant_id = $1 AND stream_id = $2 AND version = 2
            """);

        (await BreaksAsync(journey)).ShouldBe([Break(journey.PatientId, 2, "missing")]);
    }

    [Fact]
    public async Task A_deleted_stream_is_missing()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();

        await _stored.TamperAsync(journey.Clinic, journey.PatientId, DeleteStream);

        (await BreaksAsync(journey)).ShouldBe([Break(journey.PatientId, null, "stream-missing")]);
    }

    [Fact]
    public async Task A_stream_deleted_with_its_hashes_is_missing_from_the_checkpoint()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await TakeCheckpointAsync(journey);

        await _stored.TamperAsync(journey.Clinic, journey.PatientId, $"{DeleteStream}; DELETE FROM {_stored.Hashes} WHERE tenant_id = $1 AND stream_id = $2");

        (await BreaksAsync(journey)).ShouldBe([Break(journey.PatientId, null, "stream-missing")]);
    }

    [Fact]
    public async Task Two_swapped_versions_are_reordered()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();

        await _stored.TamperAsync(journey.Clinic, journey.PatientId, $"""
            UPDATE {_stored.Events} SET version = -2 WHERE tenant_id = $1 AND stream_id = $2 AND version = 2;
            UPDATE {_stored.Events} SET version = 2 WHERE tenant_id = $1 AND stream_id = $2 AND version = 3;
            UPDATE {_stored.Events} SET version = 3 WHERE tenant_id = $1 AND stream_id = $2 AND version = -2
            """);

        (await BreaksAsync(journey)).ShouldBe([Break(journey.PatientId, 2, "reordered"), Break(journey.PatientId, 3, "reordered")]);
    }

    [Fact]
    public async Task A_forged_event_inserted_past_the_chain_is_inserted()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var last = await _stored.LastVersionAsync(journey.Clinic, journey.PatientId);

        await _stored.TamperAsync(journey.Clinic, journey.PatientId, $"""
            INSERT INTO {_stored.Events} (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, headers)
            SELECT nextval('{_stored.SequenceOf(journey.Clinic)}'), gen_random_uuid(), stream_id, {last + 1}, data, type, tenant_id, timestamp, mt_dotnet_type, false, headers
            FROM {_stored.Events} WHERE tenant_id = $1 AND stream_id = $2 AND version = 1
            """, withoutChainTrigger: true);

        (await BreaksAsync(journey)).ShouldBe([Break(journey.PatientId, last + 1, "inserted")]);
    }

    [Fact]
    public async Task Latest_events_removed_with_their_hashes_are_missing_from_the_checkpoint()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var last = await _stored.LastVersionAsync(journey.Clinic, journey.PatientId);
        await TakeCheckpointAsync(journey);

        await _stored.TamperAsync(journey.Clinic, journey.PatientId, $"""
            DELETE FROM {_stored.Events} WHERE tenant_id = $1 AND stream_id = $2 AND version >= {last - 1};
            DELETE FROM {_stored.Hashes} WHERE tenant_id = $1 AND stream_id = $2 AND version >= {last - 1}
            """);

        (await BreaksAsync(journey)).ShouldBe([Break(journey.PatientId, last - 1, "missing"), Break(journey.PatientId, last, "missing")]);
    }

    [Fact]
    public async Task A_checkpoint_whose_signature_was_replaced_is_invalid()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await TakeCheckpointAsync(journey);
        await TakeCheckpointAsync(journey);

        await _stored.TamperAsync(journey.Clinic, journey.PatientId,
            $"UPDATE {_stored.Checkpoints} SET signature = (SELECT signature FROM {_stored.Checkpoints} WHERE tenant_id = $1 AND sequence = 1) WHERE tenant_id = $1 AND sequence = 2");

        (await BreaksAsync(journey)).ShouldBe([Break(null, 2, "checkpoint-invalid")]);
    }

    [Fact]
    public async Task A_chain_rewritten_after_an_event_was_changed_no_longer_holds_the_checkpoint_head()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var last = await _stored.LastVersionAsync(journey.Clinic, journey.PatientId);
        await TakeCheckpointAsync(journey);

        // The superuser changes an event and hashes the stream again with the database's own function.
        await _stored.TamperAsync(journey.Clinic, journey.PatientId, $"""
            UPDATE {_stored.Events} SET data = jsonb_set(data, ARRAY['tampered'], 'true') WHERE tenant_id = $1 AND stream_id = $2 AND version = 2;
            DELETE FROM {_stored.Hashes} WHERE tenant_id = $1 AND stream_id = $2;
            SELECT count({host.Schema}.mt_event_chain_link(e)) FROM (SELECT e FROM {_stored.Events} AS e WHERE tenant_id = $1 AND stream_id = $2 ORDER BY version) AS ordered
            """);

        (await BreaksAsync(journey)).ShouldBe([Break(journey.PatientId, last, "checkpoint-invalid")]);
    }

    [Fact]
    public async Task A_regulator_verifies_but_only_a_clinic_admin_takes_a_checkpoint()
    {
        var journey = await new Journey(host).RegisterPatientAsync();
        var regulator = journey.Client(ClinicRoles.Regulator);

        (await regulator.GetOkAsync("/api/integrity"))["verified"]!.GetValue<bool>().ShouldBeTrue();
        await regulator.PostProblemAsync("/api/integrity/checkpoints", new { }, HttpStatusCode.Forbidden, "forbidden");
        await regulator.GetProblemAsync("/api/integrity/checkpoints/latest", HttpStatusCode.NotFound, "no-checkpoint");
    }

    [Fact]
    public async Task The_latest_checkpoint_exports_its_hash_signature_and_public_key()
    {
        var journey = await new Journey(host).RegisterPatientAsync();
        var taken = await TakeCheckpointAsync(journey);

        var latest = await journey.Client(ClinicRoles.Regulator).GetOkAsync("/api/integrity/checkpoints/latest");

        latest.ToJsonString().ShouldBe(taken.ToJsonString());
        latest["sequence"]!.GetValue<long>().ShouldBe(1);
        latest["changedStreams"]!.GetValue<int>().ShouldBeGreaterThan(0);
        latest["publicKey"]!.GetValue<string>().ShouldStartWith("-----BEGIN PUBLIC KEY-----");
    }

    private string DeleteStream => $"""
        DELETE FROM {_stored.Events} WHERE tenant_id = $1 AND stream_id = $2;
        DELETE FROM {_stored.Streams} WHERE tenant_id = $1 AND id = $2
        """;

    private static Task<JsonNode> TakeCheckpointAsync(Journey journey) => journey.Admin.PostOkAsync("/api/integrity/checkpoints", new { }, HttpStatusCode.OK);

    private static Task<JsonNode> VerifyAsync(Journey journey) => journey.Client(ClinicRoles.Regulator).GetOkAsync("/api/integrity");

    private static async Task<string[]> BreaksAsync(Journey journey)
    {
        var report = await VerifyAsync(journey);
        report["verified"]!.GetValue<bool>().ShouldBeFalse();
        return report["breaks"]!.AsArray().Select(found => Break(
            found!["streamId"]?.GetValue<Guid>(), found["version"]?.GetValue<long>(), found["kind"]!.GetValue<string>())).ToArray();
    }

    private static string Break(Guid? streamId, long? version, string kind) => $"{streamId}/{version}/{kind}";
}
