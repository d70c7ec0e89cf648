using Clinic.Api.Records;
using Clinic.Domain.Corrections;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.TreatmentPlans;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;
using Clinic.EventStore.Sessions;

namespace Clinic.Api.Dashboard;

/// <summary>
/// Async: the clinic's dashboard. A corrected session record moves its counts (and those of side effects after
/// it) from the old products and lots to the new ones, so lot tracing follows corrections.
/// </summary>
internal sealed class DashboardProjection : EventProjection
{
    public override string Name => "clinic-dashboard";
    public override bool ReadsMetadata => false;

    public override IReadOnlyCollection<Type> EventTypes =>
    [
        typeof(PatientRegistered), typeof(PatientScreened), typeof(TreatmentPlanCreated), typeof(SessionScheduled), typeof(SessionCancelled),
        typeof(SessionMarkedNoShow), typeof(NoShowRetracted), typeof(SessionPerformed), typeof(SessionRecordCorrected), typeof(SideEffectReported),
        typeof(RegulatorNotified), typeof(SideEffectReportOverdue), typeof(SideEffectReviewed),
    ];

    public override IReadOnlyCollection<Type> DocumentTypes => [typeof(ClinicDashboard), typeof(TreatedSession)];

    protected override async Task ProjectAsync(IDocumentOperations operations, EventEnvelope @event, CancellationToken cancellationToken)
    {
        var dashboard = await operations.LoadAsync<ClinicDashboard>(ClinicDashboard.DocumentId, cancellationToken) ?? new ClinicDashboard();
        switch (@event.Data)
        {
            case PatientRegistered:
                dashboard.Patients++;
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
                Track(operations, dashboard, Treated(e.SessionId, e.PractitionerId, e.Treatment, sideEffects: 0));
                break;
            case SessionRecordCorrected e when await operations.LoadAsync<TreatedSession>(e.SessionId, cancellationToken) is { } before:
                Untrack(dashboard, before);
                Track(operations, dashboard, Treated(e.SessionId, before.PractitionerId, e.Treatment, before.SideEffects));
                break;
            case SideEffectReported e:
                await CountSideEffectAsync(operations, dashboard, e.Details, cancellationToken);
                break;
            case RegulatorNotified e:
                dashboard.RegulatorNotifications++;
                UpdateOverdueReport(dashboard, e.SideEffectId, report => report with { NotifiedSince = true });
                break;
            case SideEffectReportOverdue e:
                dashboard.OverdueReports.Add(new OverdueReport(e.SideEffectId, e.DueAt, e.EscalatedAt, NotifiedSince: false));
                break;
            case SideEffectReviewed { Decision: ReviewDecision.ReportedInError } e:
                UpdateOverdueReport(dashboard, e.SideEffectId, report => report with { FoundReportedInErrorSince = true });
                break;
        }
        operations.Store(dashboard);
    }

    private static void UpdateOverdueReport(ClinicDashboard dashboard, Guid sideEffectId, Func<OverdueReport, OverdueReport> update) =>
        dashboard.OverdueReports = dashboard.OverdueReports
            .Select(report => report.SideEffectId == sideEffectId ? update(report) : report).ToList();

    private static async Task CountSideEffectAsync(IDocumentOperations operations, ClinicDashboard dashboard, SideEffectDetails details, CancellationToken cancellationToken)
    {
        ClinicDashboard.Count(dashboard.SideEffectsBySeverity, EnumNames.Of(details.Severity));
        ClinicDashboard.Count(dashboard.SideEffectsByKind, EnumNames.Of(details.Kind));
        if (details.Serious)
            dashboard.SeriousSideEffects++;
        if (details.SessionId is { } sessionId && await operations.LoadAsync<TreatedSession>(sessionId, cancellationToken) is { } session)
        {
            dashboard.SideEffectsAfterSessions.Count(session, 1);
            operations.Store(session with { SideEffects = session.SideEffects + 1 });
        }
    }

    private static void Track(IDocumentOperations operations, ClinicDashboard dashboard, TreatedSession session)
    {
        dashboard.PerformedSessions.Count(session, 1);
        dashboard.SideEffectsAfterSessions.Count(session, session.SideEffects);
        operations.Store(session);
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
