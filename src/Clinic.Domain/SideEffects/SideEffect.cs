namespace Clinic.Domain.SideEffects;

public sealed record SideEffect(
    Guid SideEffectId,
    SideEffectDetails Details,
    ReportedBy ReportedBy,
    bool RequiresReview,
    DateTimeOffset? ReportDueAt,
    SideEffectResolved? Resolution = null,
    SideEffectReviewed? Review = null,
    RegulatorNotified? Notification = null,
    SideEffectReportOverdue? Escalation = null)
{
    public bool IsOpen => Resolution is null;

    public bool AwaitsReview => RequiresReview && Review is null;

    public bool AwaitsRegulatorNotification => ReportDueAt is not null && Notification is null;
}
