namespace Clinic.EventStore.Tests.Sample;

/// <summary>A decider-style state folded from a ledger stream.</summary>
public sealed record LedgerState(string? Owner, decimal Balance, bool Closed)
{
    public static readonly LedgerState Initial = new(null, 0, false);

    public static LedgerState Evolve(LedgerState state, object @event) => @event switch
    {
        LedgerOpened opened => state with { Owner = opened.Owner },
        Deposited deposited => state with { Balance = state.Balance + deposited.Amount },
        Withdrawn withdrawn => state with { Balance = state.Balance - withdrawn.Amount },
        LedgerClosed => state with { Closed = true },
        _ => state,
    };
}
