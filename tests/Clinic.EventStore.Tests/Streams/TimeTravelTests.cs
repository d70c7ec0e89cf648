using Clinic.EventStore.Streams;
using Clinic.EventStore.Tests.Sample;

namespace Clinic.EventStore.Tests.Streams;

public class TimeTravelTests
{
    private const string Tenant = "clinic-a";

    [Fact]
    public async Task A_stream_folds_as_it_stood_at_a_version()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "ann", firstDeposit: 100);
        await AppendAsync(store, id, 2, new Withdrawn(30));
        await AppendAsync(store, id, 3, new Withdrawn(50));
        var reader = store.QuerySession(Tenant).Events;

        (await reader.AggregateStreamAsync(id, LedgerState.Initial, LedgerState.Evolve, toVersion: 3))
            .ShouldBe(new StreamAggregate<LedgerState>(new LedgerState("ann", 70, false), 3));
        (await reader.AggregateStreamAsync(id, LedgerState.Initial, LedgerState.Evolve))
            .State.Balance.ShouldBe(20);
    }

    [Fact]
    public async Task A_stream_folds_as_it_stood_at_a_moment_by_the_database_clock()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "ann", firstDeposit: 100);
        var second = await AppendAsync(store, id, 2, new Withdrawn(30));
        await Task.Delay(20);
        await AppendAsync(store, id, 3, new Withdrawn(50));
        var reader = store.QuerySession(Tenant).Events;

        var asOfSecond = await reader.AggregateStreamAsync(id, LedgerState.Initial, LedgerState.Evolve, asOf: second);
        asOfSecond.ShouldBe(new StreamAggregate<LedgerState>(new LedgerState("ann", 70, false), 3));

        var beforeCreation = await reader.AggregateStreamAsync(id, LedgerState.Initial, LedgerState.Evolve, asOf: second.AddDays(-1));
        beforeCreation.Version.ShouldBe(0);
        (await reader.FetchStreamAsync(id, asOf: second)).Count.ShouldBe(3);
    }

    private static async Task<DateTimeOffset> AppendAsync(DocumentStore store, Guid id, long expected, object @event)
    {
        var session = store.OpenSession(Tenant);
        session.Events.Append(id, ExpectedVersion.Exactly(expected), @event);
        return (await session.SaveChangesAsync()).Single().Timestamp;
    }
}
