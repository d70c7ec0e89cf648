using Clinic.Api.Integrity;

namespace Clinic.Api.Tests.Integrity;

/// <summary>How one stream's events and hash rows are told apart when they disagree, without a database.</summary>
public class StreamCheckTests
{
    private static readonly Guid Stream = Guid.NewGuid();

    [Fact]
    public void An_intact_chain_has_no_break()
    {
        var (events, links) = Chain(4);

        StreamCheck.Breaks(Stream, events, links).ShouldBeEmpty();
    }

    [Fact]
    public void Content_that_differs_from_its_hash_is_altered()
    {
        var (events, links) = Chain(3);
        events[1] = events[1] with { Data = """{"changed":true}""" };

        Kinds(events, links).ShouldBe(["2:altered"]);
    }

    [Fact]
    public void Each_field_of_the_content_is_hashed()
    {
        var (events, _) = Chain(1);
        var original = EventHash.Of(EventHash.Genesis, events[0]);
        StoredEvent[] changed =
        [
            events[0] with { TenantId = "other" }, events[0] with { Type = "other" }, events[0] with { Headers = """{"actor-id":"other"}""" },
            events[0] with { CorrelationId = "other" }, events[0] with { CausationId = "other" }, events[0] with { Timestamp = events[0].Timestamp.AddTicks(10) },
            events[0] with { Sequence = 99 }, events[0] with { Id = Guid.NewGuid() }, events[0] with { DotNetType = null },
        ];

        changed.Select(e => Convert.ToHexString(EventHash.Of(EventHash.Genesis, e))).ShouldNotContain(Convert.ToHexString(original));
    }

    [Fact]
    public void Fields_are_not_confused_by_moving_text_from_one_to_the_next()
    {
        var (events, _) = Chain(1);
        var moved = events[0] with { CorrelationId = "ab", CausationId = "c" };

        EventHash.Of(EventHash.Genesis, moved).ShouldNotBe(EventHash.Of(EventHash.Genesis, moved with { CorrelationId = "a", CausationId = "bc" }));
    }

    [Fact]
    public void An_event_without_a_hash_row_is_inserted()
    {
        var (events, links) = Chain(3);

        Kinds(events, links.Take(2).ToList()).ShouldBe(["3:inserted"]);
    }

    [Fact]
    public void A_hash_row_that_does_not_follow_the_one_before_is_inserted()
    {
        var (events, links) = Chain(3);
        var forged = events[2] with { Data = """{"forged":true}""" };
        events[2] = forged;
        links[2] = new StoredLink(3, EventHash.Of(EventHash.Genesis, forged), EventHash.Genesis);

        Kinds(events, links).ShouldBe(["3:inserted"]);
    }

    [Fact]
    public void A_version_with_neither_event_nor_hash_row_is_missing()
    {
        var (events, links) = Chain(4);

        Kinds([events[0], events[2], events[3]], [links[0], links[2], links[3]]).ShouldBe(["2:missing"]);
    }

    [Fact]
    public void Two_events_exchanged_are_reordered()
    {
        var (events, links) = Chain(4);
        (events[1], events[2]) = (events[2] with { Version = 2 }, events[1] with { Version = 3 });

        Kinds(events, links).ShouldBe(["2:reordered", "3:reordered"]);
    }

    [Fact]
    public void Tombstones_are_hashed_one_by_one_with_gaps_between_them()
    {
        var tombstones = new[] { 7L, 12L }.Select(sequence => Event(sequence) with { Type = EventHash.TombstoneType, Sequence = sequence }).ToList();
        var links = tombstones.Select(t => new StoredLink(t.Version, EventHash.Of(EventHash.Genesis, t), EventHash.Genesis)).ToList();

        StreamCheck.Breaks(Stream, tombstones, links).ShouldBeEmpty();
        Kinds([tombstones[0] with { Data = "{}" }, tombstones[1]], links).ShouldBe(["7:altered"]);
    }

    private static string[] Kinds(List<StoredEvent> events, List<StoredLink> links) =>
        StreamCheck.Breaks(Stream, events, links).Select(found => $"{found.Version}:{found.Kind}").ToArray();

    private static (List<StoredEvent> Events, List<StoredLink> Links) Chain(int count)
    {
        var events = Enumerable.Range(1, count).Select(version => Event(version)).ToList();
        var links = new List<StoredLink>();
        var previous = EventHash.Genesis;
        foreach (var e in events)
        {
            links.Add(new StoredLink(e.Version, EventHash.Of(previous, e), previous));
            previous = links[^1].Hash;
        }
        return (events, links);
    }

    private static StoredEvent Event(long version) => new(
        "lyon", Stream, version, 100 + version, Guid.NewGuid(), "patient-registered.v1", "Clinic.Domain.Patients.PatientRegistered",
        new DateTime(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc).AddTicks(version * 10), $$"""{"n":{{version}}}""",
        """{"actor-id":"desk-1","actor-role":"receptionist"}""", "correlation", null);
}
