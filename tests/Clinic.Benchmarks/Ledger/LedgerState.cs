namespace Clinic.Benchmarks.Ledger;

/// <summary>What a command handler folds a ledger stream into before deciding.</summary>
public sealed record LedgerState(string? Owner, decimal Balance, int Movements)
{
    public static readonly LedgerState Initial = new(null, 0, 0);

    public static LedgerState Evolve(LedgerState state, object @event) => @event switch
    {
        LedgerOpened opened => state with { Owner = opened.Owner },
        Deposited deposited => state with { Balance = state.Balance + deposited.Amount, Movements = state.Movements + 1 },
        Withdrawn withdrawn => state with { Balance = state.Balance - withdrawn.Amount, Movements = state.Movements + 1 },
        _ => state,
    };
}
