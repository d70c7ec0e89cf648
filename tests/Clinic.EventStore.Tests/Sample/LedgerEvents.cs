namespace Clinic.EventStore.Tests.Sample;

// A small generic domain to exercise the store: ledgers with deposits and withdrawals.
public sealed record LedgerOpened(string Owner, string Currency);
public sealed record Deposited(decimal Amount);
public sealed record Withdrawn(decimal Amount);
public sealed record LedgerClosed(string Reason);
