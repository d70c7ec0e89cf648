namespace Clinic.Api.Workflow;

/// <summary>Scheduled when a serious side effect starts a reporting clock, for just after its deadline; cancelled when the regulator is notified.</summary>
public sealed record ReportDeadlineReached(Guid PatientId, Guid SideEffectId);
