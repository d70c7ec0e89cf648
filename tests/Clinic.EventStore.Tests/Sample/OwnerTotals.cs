namespace Clinic.EventStore.Tests.Sample;

/// <summary>Deposits per owner across all their ledgers: a multi-stream document keyed by owner.</summary>
public sealed record OwnerTotals(string Id, decimal Deposited, int Deposits, IReadOnlyList<long> Sequences);
