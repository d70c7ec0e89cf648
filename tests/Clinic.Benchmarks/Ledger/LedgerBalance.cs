namespace Clinic.Benchmarks.Ledger;

/// <summary>One ledger's balance: the single-stream document both Marten's projection and the floor write.</summary>
public sealed record LedgerBalance(Guid Id, string Owner, decimal Balance, int Movements, long Version)
{
    /// <summary>The document's Marten alias, fixed so the floor knows its table.</summary>
    public const string Alias = "ledger_balance";
    public const string Table = "mt_doc_" + Alias;

    public static LedgerBalance? Fold(LedgerBalance? document, Guid id, long version, object? data) => data switch
    {
        LedgerOpened opened => new LedgerBalance(id, opened.Owner, 0, 0, version),
        Deposited d when document is not null => document with { Balance = document.Balance + d.Amount, Movements = document.Movements + 1, Version = version },
        Withdrawn w when document is not null => document with { Balance = document.Balance - w.Amount, Movements = document.Movements + 1, Version = version },
        _ => document,
    };
}
