using Clinic.Api.Records;
using Clinic.Domain.Corrections;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.TreatmentPlans;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Clinic.Api.Dashboard;

/// <summary>
/// Async: the clinic's dashboard, one document per clinic. A corrected session record moves its counts (and those of
/// side effects after it) from the old products and lots to the new ones, so lot tracing follows corrections; a
/// corrected side effect moves its counts (severity, kind, seriousness, session) to what the correction says.
/// </summary>
public sealed class DashboardProjection : MultiStreamProjection<DashboardTally, string>
{
    public DashboardProjection()
    {
        Name = "clinic-dashboard";
        Identity<PatientRegistered>(_ => DashboardTally.DocumentId);
        Identity<PatientScreened>(_ => DashboardTally.DocumentId);
        Identity<TreatmentPlanCreated>(_ => DashboardTally.DocumentId);
        Identity<SessionScheduled>(_ => DashboardTally.DocumentId);
        Identity<SessionCancelled>(_ => DashboardTally.DocumentId);
        Identity<SessionMarkedNoShow>(_ => DashboardTally.DocumentId);
        Identity<NoShowRetracted>(_ => DashboardTally.DocumentId);
        Identity<SessionPerformed>(_ => DashboardTally.DocumentId);
        Identity<SessionRecordCorrected>(_ => DashboardTally.DocumentId);
        Identity<SideEffectReported>(_ => DashboardTally.DocumentId);
        Identity<SideEffectCorrected>(_ => DashboardTally.DocumentId);
        Identity<RegulatorNotified>(_ => DashboardTally.DocumentId);
        Identity<SideEffectReportOverdue>(_ => DashboardTally.DocumentId);
        Identity<SideEffectReviewed>(_ => DashboardTally.DocumentId);
    }

    public override DashboardTally Evolve(DashboardTally? snapshot, string id, IEvent @event)
    {
        var tally = snapshot ?? new DashboardTally();
        var dashboard = tally.Counts;
        switch (@event.Data)
        {
            case PatientRegistered e:
                dashboard.Patients++;
                ClinicDashboard.Count(dashboard.PatientsByMonth, ClinicDashboard.MonthOf(e.RegisteredAt ?? @event.Timestamp));
                break;
            case PatientScreened e:
                ClinicDashboard.Count(dashboard.ScreeningOutcomes, EnumNames.Of(e.Assessment.Outcome));
                foreach (var reason in e.Assessment.Reasons)
                    ClinicDashboard.Count(dashboard.Contraindications, reason);
                break;
            case TreatmentPlanCreated e:
                ClinicDashboard.Count(dashboard.PlansByIndication, EnumNames.Of(e.Details.Indication));
                break;
            case SessionScheduled:
                ClinicDashboard.Count(dashboard.Sessions, "scheduled");
                break;
            case SessionCancelled:
                ClinicDashboard.Count(dashboard.Sessions, "cancelled");
                break;
            case SessionMarkedNoShow:
                ClinicDashboard.Count(dashboard.Sessions, "no-show");
                break;
            case NoShowRetracted:
                ClinicDashboard.Count(dashboard.Sessions, "no-show", by: -1);
                break;
            case SessionPerformed e:
                ClinicDashboard.Count(dashboard.Sessions, "performed");
                ClinicDashboard.Count(dashboard.PerformedSessionsByMonth, ClinicDashboard.MonthOf(e.PerformedAt));
                Track(tally, Treated(e.SessionId, e.PractitionerId, e.Treatment, sideEffects: 0));
                break;
            case SessionRecordCorrected e when tally.Sessions.GetValueOrDefault(e.SessionId) is { } before:
                Untrack(dashboard, before);
                Track(tally, Treated(e.SessionId, before.PractitionerId, e.Treatment, before.SideEffects));
                break;
            case SideEffectReported e:
                CountSideEffect(tally, e.SideEffectId, e.Details);
                AwaitReport(tally, e.SideEffectId, e.ReportDueAt);
                break;
            case SideEffectCorrected e:
                RecountSideEffect(tally, e.SideEffectId, e.Details);
                AwaitReport(tally, e.SideEffectId, e.ReportDueAt);
                break;
            case RegulatorNotified e:
                dashboard.RegulatorNotifications++;
                UpdateOverdueReport(dashboard, e.SideEffectId, report => report with { NotifiedSince = true });
                CloseReport(tally, e.SideEffectId);
                break;
            case SideEffectReportOverdue e:
                dashboard.OverdueReports.Add(new OverdueReport(e.SideEffectId, e.DueAt, e.EscalatedAt, NotifiedSince: false));
                break;
            case SideEffectReviewed { Decision: ReviewDecision.ReportedInError } e:
                UpdateOverdueReport(dashboard, e.SideEffectId, report => report with { FoundReportedInErrorSince = true });
                CloseReport(tally, e.SideEffectId);
                UncountSideEffect(tally, e.SideEffectId);
                break;
        }
        return tally;
    }

    /// <summary>A report due by <paramref name="dueAt"/>, or by then now that a correction says so, unless it was closed.</summary>
    private static void AwaitReport(DashboardTally tally, Guid sideEffectId, DateTimeOffset? dueAt)
    {
        if (dueAt is null || tally.ClosedReports.Contains(sideEffectId))
            return;
        var dashboard = tally.Counts;
        dashboard.ReportsDue = [.. dashboard.ReportsDue.Where(report => report.SideEffectId != sideEffectId), new DueReport(sideEffectId, dueAt.Value)];
    }

    private static void CloseReport(DashboardTally tally, Guid sideEffectId)
    {
        tally.ClosedReports.Add(sideEffectId);
        tally.Counts.ReportsDue = tally.Counts.ReportsDue.Where(report => report.SideEffectId != sideEffectId).ToList();
    }

    private static void UpdateOverdueReport(ClinicDashboard dashboard, Guid sideEffectId, Func<OverdueReport, OverdueReport> update) =>
        dashboard.OverdueReports = dashboard.OverdueReports
            .Select(report => report.SideEffectId == sideEffectId ? update(report) : report).ToList();

    private static void CountSideEffect(DashboardTally tally, Guid sideEffectId, SideEffectDetails details)
    {
        var counted = new CountedSideEffect(EnumNames.Of(details.Severity), EnumNames.Of(details.Kind), details.Serious, details.SessionId);
        Count(tally, counted, by: 1);
        tally.SideEffects[sideEffectId] = counted;
    }

    /// <summary>
    /// Moves a corrected side effect's counts from what was counted to what the correction says. One reported before
    /// the dashboard kept what it counted is left as counted (a rebuild counts it as corrected).
    /// </summary>
    private static void RecountSideEffect(DashboardTally tally, Guid sideEffectId, SideEffectDetails corrected)
    {
        if (!tally.SideEffects.TryGetValue(sideEffectId, out var counted))
            return;
        Count(tally, counted, by: -1);
        CountSideEffect(tally, sideEffectId, corrected);
    }

    /// <summary>
    /// A side effect found reported in error (not serious or severe, or not this patient's) leaves the counts and the
    /// rates: a lot is not charged with a reaction that did not happen. Its later corrections count nothing.
    /// </summary>
    private static void UncountSideEffect(DashboardTally tally, Guid sideEffectId)
    {
        if (tally.SideEffects.Remove(sideEffectId, out var counted))
            Count(tally, counted, by: -1);
    }

    private static void Count(DashboardTally tally, CountedSideEffect sideEffect, int by)
    {
        var dashboard = tally.Counts;
        ClinicDashboard.Count(dashboard.SideEffectsBySeverity, sideEffect.Severity, by);
        ClinicDashboard.Count(dashboard.SideEffectsByKind, sideEffect.Kind, by);
        if (sideEffect.Serious)
            dashboard.SeriousSideEffects += by;
        if (sideEffect.SessionId is { } sessionId && tally.Sessions.GetValueOrDefault(sessionId) is { } session)
        {
            dashboard.SideEffectsAfterSessions.Count(session, by);
            tally.Sessions[sessionId] = session with { SideEffects = session.SideEffects + by };
        }
    }

    private static void Track(DashboardTally tally, TreatedSession session)
    {
        tally.Counts.PerformedSessions.Count(session, 1);
        tally.Counts.SideEffectsAfterSessions.Count(session, session.SideEffects);
        tally.Sessions[session.SessionId] = session;
    }

    private static void Untrack(ClinicDashboard dashboard, TreatedSession session)
    {
        dashboard.PerformedSessions.Count(session, -1);
        dashboard.SideEffectsAfterSessions.Count(session, -session.SideEffects);
    }

    private static TreatedSession Treated(Guid sessionId, Guid practitionerId, PerformedTreatment treatment, int sideEffects) => new(
        sessionId, practitionerId,
        treatment.Products.Select(p => p.Name).Distinct().ToList(),
        treatment.Products.Select(p => p.LotNumber).Distinct().ToList(),
        treatment.Areas.Select(EnumNames.Of).ToList(),
        sideEffects);
}
