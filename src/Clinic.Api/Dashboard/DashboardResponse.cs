namespace Clinic.Api.Dashboard;

/// <summary>The dashboard with side-effect rates: side effects after sessions per performed session, by product, lot, area and practitioner.</summary>
public sealed record DashboardResponse(
    ClinicDashboard Counts, IReadOnlyList<Rate> RatesByProduct, IReadOnlyList<Rate> RatesByLot, IReadOnlyList<Rate> RatesByArea, IReadOnlyList<Rate> RatesByPractitioner)
{
    public static DashboardResponse From(ClinicDashboard dashboard)
    {
        var performed = dashboard.PerformedSessions;
        var sideEffects = dashboard.SideEffectsAfterSessions;
        return new DashboardResponse(dashboard,
            Rates(performed.ByProduct, sideEffects.ByProduct), Rates(performed.ByLot, sideEffects.ByLot),
            Rates(performed.ByArea, sideEffects.ByArea), Rates(performed.ByPractitioner, sideEffects.ByPractitioner));
    }

    private static IReadOnlyList<Rate> Rates(Dictionary<string, int> performed, Dictionary<string, int> sideEffects) =>
        performed.Where(p => p.Value > 0)
            .Select(p => new Rate(p.Key, p.Value, sideEffects.GetValueOrDefault(p.Key), Math.Round((decimal)sideEffects.GetValueOrDefault(p.Key) / p.Value, 4)))
            .OrderByDescending(rate => rate.SideEffectsPerSession).ThenBy(rate => rate.Key)
            .ToList();
}

public sealed record Rate(string Key, int PerformedSessions, int SideEffects, decimal SideEffectsPerSession);
