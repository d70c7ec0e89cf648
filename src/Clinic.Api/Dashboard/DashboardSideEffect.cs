namespace Clinic.Api.Dashboard;

/// <summary>
/// The dashboard's memory of one side effect (<paramref name="Id"/>: its id): what it is counted as, so that its correction
/// moves its counts (null when it is not counted: found reported in error, or reported before the dashboard kept this),
/// and whether its regulator report was closed (notified, or found reported in error), so that a later correction reopens
/// no clock.
/// </summary>
public sealed record DashboardSideEffect(Guid Id, CountedSideEffect? Counted, bool ReportClosed);

/// <summary>What a side effect counts in: no description, nothing personal.</summary>
public sealed record CountedSideEffect(string Severity, string Kind, bool Serious, Guid? SessionId);
