namespace Clinic.Api.Dashboard;

/// <summary>
/// The document <c>GET /api/dashboard</c> reads: the clinic's counts only, so that it stays the same size however long
/// the clinic's history grows. What the projection remembers per session and per side effect is kept in documents of
/// their own (<see cref="TreatedSession"/>, <see cref="DashboardSideEffect"/>).
/// </summary>
public sealed class DashboardTally
{
    public const string DocumentId = "dashboard";

    public string Id { get; set; } = DocumentId;
    public ClinicDashboard Counts { get; set; } = new();
}
