namespace Clinic.Api.Dashboard;

/// <summary>
/// The dashboard projection's document: the counts it shows, and what each performed session used, so that a side
/// effect reported after a session, or a correction of its record, is counted against the same products and lots.
/// </summary>
public sealed class DashboardTally
{
    public const string DocumentId = "dashboard";

    public string Id { get; set; } = DocumentId;
    public ClinicDashboard Counts { get; set; } = new();
    public Dictionary<Guid, TreatedSession> Sessions { get; set; } = [];

    /// <summary>What each side effect was counted as, so that its correction moves its counts.</summary>
    public Dictionary<Guid, CountedSideEffect> SideEffects { get; set; } = [];

    /// <summary>Side effects whose report was closed (notified, or found reported in error): a later correction reopens no clock.</summary>
    public HashSet<Guid> ClosedReports { get; set; } = [];
}

/// <summary>What a side effect counts in: no description, nothing personal.</summary>
public sealed record CountedSideEffect(string Severity, string Kind, bool Serious, Guid? SessionId);
