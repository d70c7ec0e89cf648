namespace Clinic.Domain.Sessions;

/// <summary>A clinician allows a session closer to another one of the plan than the minimum interval.</summary>
public sealed record IntervalOverride(string Reason, string ClinicianId);
