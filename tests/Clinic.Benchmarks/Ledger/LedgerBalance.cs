namespace Clinic.Benchmarks.Ledger;

/// <summary>One ledger's balance: the single-stream document both the store's projection and the floor write.</summary>
public sealed record LedgerBalance(Guid Id, string Owner, decimal Balance, int Movements, long Version)
{
    /// <summary>The table the store keeps these documents in (the mapping's alias is fixed to match).</summary>
    public const string Alias = "ledger_balance";
    public const string Table = "doc_" + Alias;

    public static LedgerBalance? Evolve(LedgerBalance? document, Guid id, long version, object? data) => data switch
    {
        LedgerOpened opened => new LedgerBalance(id, opened.Owner, 0, 0, version),
        Deposited d when document is not null => document with { Balance = document.Balance + d.Amount, Movements = document.Movements + 1, Version = version },
        Withdrawn w when document is not null => document with { Balance = document.Balance - w.Amount, Movements = document.Movements + 1, Version = version },
        _ => document,
    };
}
