using Clinic.Api.Auth;
using Clinic.Api.Http;

namespace Clinic.Api.Dashboard;

internal static class DashboardEndpoints
{
    /// <summary>Counts and rates only: analysts read it, and it holds nothing that identifies a patient.</summary>
    public static void MapDashboard(this RouteGroupBuilder api) =>
        api.MapGet("/dashboard", async (ClinicReads reads, CancellationToken ct) =>
            Results.Ok(DashboardResponse.From((await reads.Session.LoadAsync<DashboardTally>(DashboardTally.DocumentId, ct))?.Counts ?? new ClinicDashboard())))
            .Returns<DashboardResponse>().WithTags("Dashboard").RequireAuthorization(Permissions.ReadDashboard);
}
