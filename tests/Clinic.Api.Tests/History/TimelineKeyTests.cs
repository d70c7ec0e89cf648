using Clinic.Api.History;
using Clinic.Api.Tests.Support;
using JasperFx.Events;
using Marten;

namespace Clinic.Api.Tests.History;

/// <summary>Timeline entries keyed in the order they are recorded, not by Marten's random event ids.</summary>
public class TimelineKeyTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_later_event_gets_a_later_key_whatever_its_own_id()
    {
        var earlier = Recorded(Guid.Parse("ffffffff-ffff-4fff-bfff-ffffffffffff"), Noon);
        var later = Recorded(Guid.Parse("00000000-0000-4000-8000-000000000000"), Noon.AddMilliseconds(1));

        string.CompareOrdinal(InDatabaseOrder(TimelineDocument.KeyOf(later)), InDatabaseOrder(TimelineDocument.KeyOf(earlier))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_same_event_always_gets_the_same_key_and_two_events_of_one_millisecond_two_keys()
    {
        var one = Recorded(Guid.NewGuid(), Noon);
        var other = Recorded(Guid.NewGuid(), Noon);

        TimelineDocument.KeyOf(one).ShouldBe(TimelineDocument.KeyOf(Recorded(one.Id, Noon)));
        TimelineDocument.KeyOf(one).ShouldNotBe(TimelineDocument.KeyOf(other));
        TimelineDocument.KeyOf(one).Version.ShouldBe(7);
    }

    [Fact]
    public async Task Each_stored_entry_is_keyed_by_its_event_in_time_order()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        await journey.ScreenAsync(Journey.Screening(pregnant: true));

        await using var session = host.Store().QuerySession(journey.Clinic);
        var events = await session.Events.FetchStreamAsync(journey.PatientId);
        var stored = await session.Query<TimelineDocument>().Where(d => d.PatientId == journey.PatientId).ToListAsync();

        var inVersionOrder = stored.OrderBy(d => d.Entry.Version).ToList();
        inVersionOrder.Select(d => d.Id).ShouldBe(events.Select(TimelineDocument.KeyOf));
        inVersionOrder.Select(d => InDatabaseOrder(d.Id)).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Only_patients_events_are_timeline_entries_not_the_looks_at_them_nor_the_practitioners_bookings()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.ScheduleAsync(Journey.Slot(3));
        await journey.HistoryAsync();

        var stored = await TestSql.RowsAsync(
            $"SELECT data -> 'entry' ->> 'type' FROM {host.Schema}.mt_doc_timelinedocument WHERE tenant_id = $1", reader => reader.GetString(0), journey.Clinic);

        stored.ShouldContain("session-scheduled.v1");
        stored.ShouldNotContain("record-viewed.v1");
        stored.ShouldNotContain("practitioner-booked.v1");
    }

    private static IEvent Recorded(Guid id, DateTimeOffset at) => new Event<object>(new object()) { Id = id, Timestamp = at };

    /// <summary>PostgreSQL compares uuids byte by byte in their written (big-endian) order.</summary>
    private static string InDatabaseOrder(Guid key) => Convert.ToHexString(key.ToByteArray(bigEndian: true));
}
