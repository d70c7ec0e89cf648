using Wolverine.Attributes;

namespace Clinic.Api.Workflow;

/// <summary>Scheduled when a serious side effect starts a reporting clock, for just after its deadline.</summary>
[MessageIdentity("report-deadline-reached.v2")]
public sealed record ReportDeadlineReached(Guid PatientId, Guid SideEffectId, DateTimeOffset DueAt) : ITimer;
