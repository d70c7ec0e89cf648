using System.Net;
using Clinic.Api.Auth;
using Clinic.Api.Database;
using Clinic.Api.Tests.Support;
using Marten;
using Weasel.Core;

namespace Clinic.Api.Tests.Integrity;

/// <summary>The chain as part of the store's schema: created with it, left alone when as configured, and over events it did not see appended.</summary>
public class EventChainSchemaTests(ApiHost host) : IClassFixture<ApiHost>
{
    private readonly StoredChain _stored = new(host);

    [Fact]
    public async Task Applying_the_schema_again_finds_the_chain_as_configured()
    {
        await new Journey(host).RegisterPatientAsync();

        (await ChainDifferenceAsync()).ShouldBe(SchemaPatchDifference.None);
    }

    [Fact]
    public async Task Events_stored_before_the_chain_existed_are_chained_when_it_is_created()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await _stored.ExecuteAsync($"DROP FUNCTION {host.Schema}.{EventChainTrigger.Name}() CASCADE; TRUNCATE {_stored.Hashes}");
        (await ChainDifferenceAsync()).ShouldBe(SchemaPatchDifference.Create);

        await host.Store().Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await ChainDifferenceAsync()).ShouldBe(SchemaPatchDifference.None);
        var report = await journey.Client(ClinicRoles.Regulator).GetOkAsync("/api/integrity");
        report["breaks"]!.AsArray().ShouldBeEmpty();
        report["eventsChecked"]!.GetValue<long>().ShouldBe(await _stored.EventCountAsync(journey.Clinic));
    }

    [Fact]
    public async Task Tombstones_numbered_by_their_sequence_verify_without_a_chain_between_them()
    {
        var journey = await new Journey(host).RegisterPatientAsync();
        await journey.Admin.PostOkAsync("/api/integrity/checkpoints", new { }, HttpStatusCode.OK);

        // As Marten writes them for the sequence numbers of a failed append: a stream of their own, version = sequence.
        await _stored.ExecuteAsync($"""
            INSERT INTO {_stored.Streams} (id, tenant_id, version, is_archived) VALUES ($2, $1, 0, false);
            INSERT INTO {_stored.Events} (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived)
            SELECT s, gen_random_uuid(), $2, s, jsonb_build_object(), 'tombstone', $1, now(), 'JasperFx.Events.Tombstone', false
            FROM (SELECT nextval('{_stored.SequenceOf(journey.Clinic)}') AS s FROM generate_series(1, 2)) AS sequences
            """, journey.Clinic, TombstoneStream);
        await journey.Admin.PostOkAsync("/api/integrity/checkpoints", new { }, HttpStatusCode.OK);

        (await journey.Client(ClinicRoles.Regulator).GetOkAsync("/api/integrity"))["breaks"]!.AsArray().ShouldBeEmpty();
    }

    private static readonly Guid TombstoneStream = Guid.NewGuid();

    private async Task<SchemaPatchDifference> ChainDifferenceAsync()
    {
        var migration = await host.Store().Storage.Database.CreateMigrationAsync();
        return migration.Deltas.Single(delta => delta.SchemaObject is EventChainTrigger).Difference;
    }
}
