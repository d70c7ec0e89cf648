using System.Collections.Concurrent;
using Clinic.Api.Records;
using Clinic.Domain.Corrections;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.TreatmentPlans;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Clinic.Api.Dashboard;

/// <summary>
/// Async: the clinic's dashboard. A corrected session record moves its counts (and those of side effects after it) from
/// the old products and lots to the new ones, so lot tracing follows corrections; a corrected side effect moves its counts
/// (severity, kind, seriousness, session) to what the correction says. The counts are one document per clinic; what
/// each session and side effect was counted as is one small document each, read only for the events that name it
/// (<see cref="DashboardBatch"/>), so neither the dashboard's read nor an event's counting grows with the history.
/// The daemon hands this projection one clinic's events of a batch at a time, and with events partitioned by clinic, each
/// clinic's on an agent of its own, concurrently: hence one batch per clinic.
/// </summary>
public sealed partial class DashboardProjection : EventProjection
{
    private readonly ConcurrentDictionary<string, DashboardBatch> _batches = new();

    public DashboardProjection()
    {
        Name = "clinic-dashboard";
        IncludeType<PatientRegistered>();
        IncludeType<PatientScreened>();
        IncludeType<TreatmentPlanCreated>();
        IncludeType<SessionScheduled>();
        IncludeType<SessionCancelled>();
        IncludeType<SessionMarkedNoShow>();
        IncludeType<NoShowRetracted>();
        IncludeType<SessionPerformed>();
        IncludeType<SessionRecordCorrected>();
        IncludeType<SideEffectReported>();
        IncludeType<SideEffectCorrected>();
        IncludeType<RegulatorNotified>();
        IncludeType<SideEffectReportOverdue>();
        IncludeType<SideEffectReviewed>();
        Options.DeleteViewTypeOnTeardown<DashboardTally>();
        Options.DeleteViewTypeOnTeardown<TreatedSession>();
        Options.DeleteViewTypeOnTeardown<DashboardSideEffect>();
    }

    public override async Task EnrichEventsAsync(IQuerySession querySession, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count > 0)
            _batches[events[0].TenantId] = await DashboardBatch.LoadAsync(querySession, events, cancellation);
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        var batch = _batches[e.TenantId];
        Count(batch, e);
        if (batch.EndsWith(e))
        {
            batch.StoreChanges(operations);
            _batches.TryRemove(e.TenantId, out _);
        }
        return ValueTask.CompletedTask;
    }

    private static void Count(DashboardBatch batch, IEvent @event)
    {
        var dashboard = batch.Counts;
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
                Track(batch, Treated(e.SessionId, e.PractitionerId, e.Treatment, sideEffects: 0));
                break;
            case SessionRecordCorrected e when batch.Session(e.SessionId) is { } before:
                Untrack(dashboard, before);
                Track(batch, Treated(e.SessionId, before.PractitionerId, e.Treatment, before.SideEffects));
                break;
            case SideEffectReported e:
                CountSideEffect(batch, batch.SideEffect(e.SideEffectId), e.Details);
                AwaitReport(batch, e.SideEffectId, e.ReportDueAt);
                break;
            case SideEffectCorrected e:
                RecountSideEffect(batch, e.SideEffectId, e.Details);
                AwaitReport(batch, e.SideEffectId, e.ReportDueAt);
                break;
            case RegulatorNotified e:
                dashboard.RegulatorNotifications++;
                UpdateOverdueReport(dashboard, e.SideEffectId, report => report with { NotifiedSince = true });
                CloseReport(batch, e.SideEffectId);
                break;
            case SideEffectReportOverdue e:
                dashboard.OverdueReports.Add(new OverdueReport(e.SideEffectId, e.DueAt, e.EscalatedAt, NotifiedSince: false));
                break;
            case SideEffectReviewed { Decision: ReviewDecision.ReportedInError } e:
                UpdateOverdueReport(dashboard, e.SideEffectId, report => report with { FoundReportedInErrorSince = true });
                CloseReport(batch, e.SideEffectId);
                UncountSideEffect(batch, e.SideEffectId);
                break;
        }
    }

    /// <summary>A report due by <paramref name="dueAt"/>, or by then now that a correction says so, unless it was closed.</summary>
    private static void AwaitReport(DashboardBatch batch, Guid sideEffectId, DateTimeOffset? dueAt)
    {
        if (dueAt is null || batch.SideEffect(sideEffectId).ReportClosed)
            return;
        var dashboard = batch.Counts;
        dashboard.ReportsDue = [.. dashboard.ReportsDue.Where(report => report.SideEffectId != sideEffectId), new DueReport(sideEffectId, dueAt.Value)];
    }

    private static void CloseReport(DashboardBatch batch, Guid sideEffectId)
    {
        batch.Keep(batch.SideEffect(sideEffectId) with { ReportClosed = true });
        batch.Counts.ReportsDue = batch.Counts.ReportsDue.Where(report => report.SideEffectId != sideEffectId).ToList();
    }

    private static void UpdateOverdueReport(ClinicDashboard dashboard, Guid sideEffectId, Func<OverdueReport, OverdueReport> update) =>
        dashboard.OverdueReports = dashboard.OverdueReports
            .Select(report => report.SideEffectId == sideEffectId ? update(report) : report).ToList();

    private static void CountSideEffect(DashboardBatch batch, DashboardSideEffect sideEffect, SideEffectDetails details)
    {
        var counted = new CountedSideEffect(EnumNames.Of(details.Severity), EnumNames.Of(details.Kind), details.Serious, details.SessionId);
        Count(batch, counted, by: 1);
        batch.Keep(sideEffect with { Counted = counted });
    }

    /// <summary>
    /// Moves a corrected side effect's counts from what was counted to what the correction says. One reported before
    /// the dashboard kept what it counted is left as counted (a rebuild counts it as corrected).
    /// </summary>
    private static void RecountSideEffect(DashboardBatch batch, Guid sideEffectId, SideEffectDetails corrected)
    {
        if (batch.SideEffect(sideEffectId) is not { Counted: { } counted } sideEffect)
            return;
        Count(batch, counted, by: -1);
        CountSideEffect(batch, sideEffect, corrected);
    }

    /// <summary>
    /// A side effect found reported in error (not serious or severe, or not this patient's) leaves the counts and the
    /// rates: a lot is not charged with a reaction that did not happen. Its later corrections count nothing.
    /// </summary>
    private static void UncountSideEffect(DashboardBatch batch, Guid sideEffectId)
    {
        if (batch.SideEffect(sideEffectId) is not { Counted: { } counted } sideEffect)
            return;
        Count(batch, counted, by: -1);
        batch.Keep(sideEffect with { Counted = null });
    }

    private static void Count(DashboardBatch batch, CountedSideEffect sideEffect, int by)
    {
        var dashboard = batch.Counts;
        ClinicDashboard.Count(dashboard.SideEffectsBySeverity, sideEffect.Severity, by);
        ClinicDashboard.Count(dashboard.SideEffectsByKind, sideEffect.Kind, by);
        if (sideEffect.Serious)
            dashboard.SeriousSideEffects += by;
        if (sideEffect.SessionId is { } sessionId && batch.Session(sessionId) is { } session)
        {
            dashboard.SideEffectsAfterSessions.Count(session, by);
            batch.Keep(session with { SideEffects = session.SideEffects + by });
        }
    }

    private static void Track(DashboardBatch batch, TreatedSession session)
    {
        batch.Counts.PerformedSessions.Count(session, 1);
        batch.Counts.SideEffectsAfterSessions.Count(session, session.SideEffects);
        batch.Keep(session);
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
