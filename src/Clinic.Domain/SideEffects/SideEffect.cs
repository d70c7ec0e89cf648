using System.Collections.Immutable;
using Clinic.Domain.Signatures;

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
    /// <summary>The signatures of the clinician's review, in the order given; the latest is the one that may be valid.</summary>
    public ImmutableList<Signature> ReviewSignatures { get; init; } = [];

    public bool IsOpen => Resolution is null;

    public bool AwaitsReview => RequiresReview && Review is null;

    /// <summary>A clinician's review decided the report was made in error: that closes the reporting clock too.</summary>
    public bool ReportedInError => Review?.Decision == ReviewDecision.ReportedInError;

    public bool AwaitsRegulatorNotification => ReportDueAt is not null && Notification is null && !ReportedInError;
}
