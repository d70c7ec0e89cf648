using System.Globalization;

namespace Clinic.Api.Dashboard;

/// <summary>
/// One clinic's volumes, outcomes and side-effect counts, with no personal data: no names, contacts or
/// patient ids. Keys of the breakdowns are products, lot numbers, areas, practitioner ids, kinds, reasons.
/// </summary>
public sealed class ClinicDashboard
{
    public int Patients { get; set; }
    /// <summary>Patients registered and sessions performed in each month (UTC, <c>yyyy-MM</c>).</summary>
    public Dictionary<string, int> PatientsByMonth { get; set; } = [];
    public Dictionary<string, int> PerformedSessionsByMonth { get; set; } = [];
    public Dictionary<string, int> ScreeningOutcomes { get; set; } = [];
    public Dictionary<string, int> Contraindications { get; set; } = [];
    public Dictionary<string, int> PlansByIndication { get; set; } = [];
    public Dictionary<string, int> Sessions { get; set; } = [];
    public Breakdown PerformedSessions { get; set; } = new();
    public Dictionary<string, int> SideEffectsBySeverity { get; set; } = [];
    public Dictionary<string, int> SideEffectsByKind { get; set; } = [];
    public int SeriousSideEffects { get; set; }
    public Breakdown SideEffectsAfterSessions { get; set; } = new();
    public int RegulatorNotifications { get; set; }
    /// <summary>Regulator reports still awaited, overdue or not: neither notified nor found reported in error.</summary>
    public List<DueReport> ReportsDue { get; set; } = [];
    public List<OverdueReport> OverdueReports { get; set; } = [];

    public static void Count(Dictionary<string, int> counts, string key, int by = 1) =>
        counts[key] = counts.GetValueOrDefault(key) + by;

    public static string MonthOf(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>Counts by what a session used and who performed it.</summary>
public sealed class Breakdown
{
    public Dictionary<string, int> ByProduct { get; set; } = [];
    public Dictionary<string, int> ByLot { get; set; } = [];
    public Dictionary<string, int> ByArea { get; set; } = [];
    public Dictionary<string, int> ByPractitioner { get; set; } = [];

    public void Count(TreatedSession session, int by)
    {
        foreach (var product in session.Products)
            ClinicDashboard.Count(ByProduct, product, by);
        foreach (var lot in session.Lots)
            ClinicDashboard.Count(ByLot, lot, by);
        foreach (var area in session.Areas)
            ClinicDashboard.Count(ByArea, area, by);
        ClinicDashboard.Count(ByPractitioner, session.PractitionerId.ToString(), by);
    }
}

/// <summary>A serious side effect whose regulator report is awaited, and its deadline (a correction may bring it forward).</summary>
public sealed record DueReport(Guid SideEffectId, DateTimeOffset DueAt);

/// <summary>
/// A serious side effect whose regulator report passed its deadline, and what closed it since: the regulator's
/// notification, or a clinician's review that found it reported in error (false in documents built before it existed).
/// </summary>
public sealed record OverdueReport(
    Guid SideEffectId, DateTimeOffset DueAt, DateTimeOffset EscalatedAt, bool NotifiedSince, bool FoundReportedInErrorSince = false);
