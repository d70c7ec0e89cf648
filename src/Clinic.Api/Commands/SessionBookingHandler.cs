using Clinic.Domain.Common;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Commands;

/// <summary>
/// Session commands span the patient's record and the practitioner's calendar: the patient's stream and the
/// practitioner's calendar document (or stream) are loaded, decided together, and both streams appended at the
/// versions decided on, so of two overlapping bookings of one practitioner only one can commit.
/// </summary>
internal sealed class SessionBookingHandler(EventAppender appender) : ICommandHandler<ISessionBookingCommand>
{
    public async Task<CommandResult> HandleAsync(ISessionBookingCommand command, HandlerContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var patient = await session.Events.LoadPatientAsync(command.PatientId, cancellationToken);
        var practitionerId = SessionBooking.PractitionerIdFor(command, patient.State);
        var practitioner = practitionerId is { } id
            ? await session.LoadPractitionerCalendarAsync(id, SessionBooking.CalendarReadFrom(command), cancellationToken)
            : new StreamAggregate<PractitionerState>(PractitionerDecider.Initial, 0);

        var decision = SessionBooking.Decide(command, patient.State, practitioner.State);
        if (decision.IsRefused)
            return CommandResult.Reject(decision.Refusal.Code, decision.Refusal.Detail);
        appender.Append(context, command.PatientId, patient.Version, decision.PatientEvents, patient.State.Details);
        appender.Append(context, practitionerId!.Value, practitioner.Version, decision.PractitionerEvents);
        return CommandResult.Accept(decision.PatientEvents.Concat(decision.PractitionerEvents).ToList());
    }
}
