using Clinic.EventStore.Events;
using Clinic.EventStore.Streams;
using Clinic.EventStore.Tests.Sample;

namespace Clinic.EventStore.Tests.Streams;

public class AppendAndReadTests
{
    private const string Tenant = "clinic-a";

    [Fact]
    public async Task A_started_stream_reads_back_in_version_order_with_everything_the_store_recorded()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = Guid.NewGuid();
        var session = store.OpenSession(Tenant, new EventMetadata
        {
            ActorId = "u-7", ActorRole = "clerk", CorrelationId = "corr-1", CausationId = "cmd-1", Reason = "opening",
            Headers = new Dictionary<string, string> { ["source"] = "test" },
        });
        session.Events.StartStream(id, "ledger", new LedgerOpened("ann", "EUR"), new Deposited(25), new Withdrawn(5));
        var committed = await session.SaveChangesAsync();

        var events = await store.QuerySession(Tenant).Events.FetchStreamAsync(id);

        events.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        events.Select(e => e.EventType).ShouldBe(["ledger-opened.v1", "deposited.v1", "withdrawn.v1"]);
        events[0].Data.ShouldBe(new LedgerOpened("ann", "EUR"));
        events[1].Data.ShouldBe(new Deposited(25));
        events.ShouldAllBe(e => e.StreamId == id && e.TenantId == Tenant);
        events[0].Metadata.ActorId.ShouldBe("u-7");
        events[0].Metadata.ActorRole.ShouldBe("clerk");
        events[0].Metadata.CorrelationId.ShouldBe("corr-1");
        events[0].Metadata.CausationId.ShouldBe("cmd-1");
        events[0].Metadata.Reason.ShouldBe("opening");
        events[0].Metadata.Headers["source"].ShouldBe("test");
        events.Select(e => e.Id).ShouldBe(committed.Select(e => e.Id));
        events.Select(e => e.Sequence).ShouldBe(committed.Select(e => e.Sequence));
        events.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        events.Select(e => e.TransactionId).Distinct().Count().ShouldBe(1, "one unit of work is one transaction");
        events[0].TransactionId.ShouldBeGreaterThan(0UL);
        events[0].Timestamp.ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task The_stream_header_tracks_type_version_and_times()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "bob");
        var session = store.OpenSession(Tenant);
        session.Events.Append(id, ExpectedVersion.Exactly(2), new Deposited(1));
        await session.SaveChangesAsync();

        var state = await store.QuerySession(Tenant).Events.FetchStreamStateAsync(id);

        state.ShouldNotBeNull();
        state.StreamType.ShouldBe("ledger");
        state.Version.ShouldBe(3);
        state.TenantId.ShouldBe(Tenant);
        state.UpdatedAt.ShouldBeGreaterThan(state.CreatedAt);
        (await store.QuerySession(Tenant).Events.FetchStreamStateAsync(Guid.NewGuid())).ShouldBeNull();
    }

    [Fact]
    public async Task A_stream_reads_from_a_version_and_folds_into_state()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "cy", firstDeposit: 40);
        var session = store.OpenSession(Tenant);
        session.Events.Append(id, ExpectedVersion.Exactly(2), new Withdrawn(15), new LedgerClosed("moved"));
        await session.SaveChangesAsync();
        var reader = store.QuerySession(Tenant).Events;

        (await reader.FetchStreamAsync(id, fromVersion: 3)).Select(e => e.Data).ShouldBe([new Withdrawn(15), new LedgerClosed("moved")]);
        var folded = await reader.AggregateStreamAsync(id, LedgerState.Initial, LedgerState.Evolve);
        folded.ShouldBe(new StreamAggregate<LedgerState>(new LedgerState("cy", 25, true), 4));
        var missing = await reader.AggregateStreamAsync(Guid.NewGuid(), LedgerState.Initial, LedgerState.Evolve);
        missing.ShouldBe(new StreamAggregate<LedgerState>(LedgerState.Initial, 0));
    }

    [Fact]
    public async Task Several_streams_in_one_unit_of_work_commit_in_one_transaction()
    {
        await using var store = await LedgerStore.CreateAsync();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var session = store.OpenSession(Tenant);
        session.Events.StartStream(first, "ledger", new LedgerOpened("a", "EUR"));
        session.Events.StartStream(second, "ledger", new LedgerOpened("b", "EUR"));

        var committed = await session.SaveChangesAsync();

        committed.Select(e => e.StreamId).ShouldBe([first, second], ignoreOrder: true);
        committed.Select(e => e.TransactionId).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Appending_an_unregistered_event_type_is_refused_before_anything_is_sent()
    {
        await using var store = await LedgerStore.CreateAsync();
        var session = store.OpenSession(Tenant);

        Should.Throw<InvalidOperationException>(() => session.Events.StartStream(Guid.NewGuid(), "ledger", new { Unregistered = true }))
            .Message.ShouldContain("not a registered event type");
    }

    [Fact]
    public async Task Events_cannot_be_updated_or_deleted_in_the_database()
    {
        await using var store = await LedgerStore.CreateAsync();
        var ledger = await LedgerStore.OpenLedgerAsync(store, Tenant, "dee");
        await using var connection = new Npgsql.NpgsqlConnection(await Clinic.Testing.TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();

        foreach (var sql in new[] { "UPDATE {0}.events SET data = '{{}}'", "DELETE FROM {0}.events", "TRUNCATE {0}.events CASCADE" })
        {
            await using var command = new Npgsql.NpgsqlCommand(string.Format(sql, store.Schema), connection);
            var error = await Should.ThrowAsync<Npgsql.PostgresException>(() => command.ExecuteNonQueryAsync());
            error.MessageText.ShouldContain("events are immutable");
        }
        (await store.QuerySession(Tenant).Events.FetchStreamAsync(ledger)).Count.ShouldBe(2);
    }
}
