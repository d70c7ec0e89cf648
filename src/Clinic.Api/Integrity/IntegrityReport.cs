namespace Clinic.Api.Integrity;

/// <summary>What checking a clinic's chains and checkpoints found: verified when nothing broke.</summary>
public sealed record IntegrityReport(string Clinic, bool Verified, long EventsChecked, IReadOnlyList<ChainBreak> Breaks);
