namespace Clinic.EventStore.Tests.Sample;

/// <summary>One ledger's balance: a single-stream document.</summary>
public sealed record LedgerBalance(Guid Id, string Owner, decimal Balance, int Movements, long Version);
