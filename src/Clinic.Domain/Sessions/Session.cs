using System.Collections.Immutable;
using Clinic.Domain.Common;
using Clinic.Domain.Signatures;

namespace Clinic.Domain.Sessions;

public sealed record Session(
    Guid SessionId,
    Guid PlanId,
    Guid PractitionerId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    SessionStatus Status,
    IntervalOverride? IntervalOverride,
    DateTimeOffset? PerformedAt = null,
    PerformedTreatment? Treatment = null,
    DateTimeOffset? ReminderSentFor = null)
{
    /// <summary>The signatures of the performed record, in the order given; the latest is the one that may be valid.</summary>
    public ImmutableList<Signature> Signatures { get; init; } = [];

    /// <summary>Scheduled or performed: it counts for the plan and for the interval between sessions.</summary>
    public bool IsLive => Status is SessionStatus.Scheduled or SessionStatus.Performed;

    /// <summary>When the session takes place: its performed time once performed, its booked start until then.</summary>
    public DateTimeOffset HappensAt => PerformedAt ?? StartsAt;

    public DateOnly Date => HappensAt.CalendarDate();
}
