using Clinic.Domain.Corrections;
using Clinic.Domain.Sessions;
using Clinic.Domain.TreatmentPlans;
using Clinic.Api.Commands;
using JasperFx.Events;

namespace Clinic.Api.Records;

/// <summary>Why a change was made, when the record says: the metadata's reason, or the reason the event itself carries.</summary>
public static class EventReasons
{
    public static string? Of(IEvent @event) => EventHeaders.Of(@event, EventHeaders.Reason) ?? @event.Data switch
    {
        ICorrection correction => correction.Reason,
        SessionCancelled cancelled => cancelled.Reason,
        SessionRescheduled rescheduled => rescheduled.Reason,
        TreatmentPlanStopped stopped => stopped.Reason,
        _ => null,
    };
}
