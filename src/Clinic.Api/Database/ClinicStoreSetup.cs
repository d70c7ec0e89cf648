using Clinic.Api.Audit;
using Clinic.Api.Dashboard;
using Clinic.Api.History;
using Clinic.Api.Schedules;
using Clinic.Api.Sessions;
using Clinic.Domain.Common;
using Clinic.EventStore;
using Clinic.EventStore.Projections;

namespace Clinic.Api.Database;

/// <summary>The clinic's registrations on the generic store: every domain event by its stable name, documents and projections.</summary>
public static class ClinicStoreSetup
{
    public static void Configure(StoreOptions options)
    {
        foreach (var eventType in EventCatalog.All)
            options.Events.Register(eventType.ClrType, eventType.Name);

        options.Documents.For<PatientHistory>();
        options.Documents.For<SessionLocator>();
        options.Documents.For<ScheduleEntry>().Duplicate(e => e.PractitionerId).Duplicate(e => e.StartsAt);
        options.Documents.For<AuditEntry>()
            .Duplicate(e => e.Position).Duplicate(e => e.PatientId).Duplicate(e => e.ActorId)
            .Duplicate(e => e.EventType).Duplicate(e => e.RecordedAt);
        options.Documents.For<AuditCounter>();
        options.Documents.For<ClinicDashboard>();
        options.Documents.For<TreatedSession>();

        options.Projections
            .Add(new PatientHistoryProjection(), ProjectionLifecycle.Inline)
            .Add(new SessionLocatorProjection(), ProjectionLifecycle.Inline)
            .Add(new ScheduleProjection(), ProjectionLifecycle.Async)
            .Add(new AuditTrailProjection(), ProjectionLifecycle.Async)
            .Add(new DashboardProjection(), ProjectionLifecycle.Async);
        options.Daemon.PollInterval = TimeSpan.FromMilliseconds(250);
    }
}
