namespace Clinic.Benchmarks.Ledger;

// The benchmark's domain: ledgers with deposits and withdrawals (the same shape as the store tests' sample).
public sealed record LedgerOpened(string Owner, string Currency);
public sealed record Deposited(decimal Amount);
public sealed record Withdrawn(decimal Amount);

/// <summary>The stable stored names of the ledger events, shared by Marten's mapping and the floor's reader and writer.</summary>
public static class LedgerEventTypes
{
    public static readonly IReadOnlyDictionary<string, Type> ByName = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["ledger-opened.v1"] = typeof(LedgerOpened),
        ["deposited.v1"] = typeof(Deposited),
        ["withdrawn.v1"] = typeof(Withdrawn),
    };

    public static readonly IReadOnlyDictionary<Type, string> NameOf = ByName.ToDictionary(pair => pair.Value, pair => pair.Key);
}
