namespace Clinic.Benchmarks.Ledger;

/// <summary>A new ledger stream to append: an opening followed by deposits and withdrawals.</summary>
public sealed record LedgerStream(Guid Id, string Owner, IReadOnlyList<object> Events)
{
    /// <summary>The document the stream's events fold into (what an inline projection writes).</summary>
    public LedgerBalance Balance() =>
        Events.Select((data, index) => (data, version: index + 1L))
            .Aggregate((LedgerBalance?)null, (document, e) => LedgerBalance.Fold(document, Id, e.version, e.data))!;
}

public static class LedgerStreams
{
    /// <summary>Deterministic streams, so that every side and every round writes the same events.</summary>
    public static IReadOnlyList<LedgerStream> Generate(int count, int eventsPerStream, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(index => Stream(random, index, eventsPerStream)).ToList();
    }

    private static LedgerStream Stream(Random random, int index, int eventsPerStream)
    {
        var owner = $"owner-{index % 500:D3}";
        var events = new List<object> { new LedgerOpened(owner, "EUR") };
        for (var i = 1; i < eventsPerStream; i++)
        {
            var amount = Math.Round((decimal)(random.NextDouble() * 100), 2);
            events.Add(i % 3 == 0 ? new Withdrawn(amount) : new Deposited(amount));
        }
        return new LedgerStream(RandomGuid(random), owner, events);
    }

    private static Guid RandomGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
