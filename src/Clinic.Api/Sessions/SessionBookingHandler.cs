using Clinic.Api.Commands;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Marten;
using Wolverine;

namespace Clinic.Api.Sessions;

/// <summary>
/// Session commands span the patient's record and the practitioner's calendar: the patient's stream and the
/// practitioner's calendar document (or stream) are loaded, decided together, and both streams appended at the
/// versions decided on, so of two overlapping bookings of one practitioner only one can commit.
/// </summary>
public static class SessionBookingHandler
{
    public static async Task<(CommandResult, OutgoingMessages)> HandleAsync(
        ISessionBookingCommand command, IDocumentSession session, Envelope envelope, CommandWriting writing, CancellationToken cancellationToken)
    {
        var (patientStream, patient) = await session.FetchPatientAsync(command.PatientId, cancellationToken);
        var practitionerId = SessionBooking.PractitionerIdFor(command, patient);
        var practitioner = practitionerId is { } id
            ? await session.LoadPractitionerCalendarAsync(id, SessionBooking.CalendarReadFrom(command), cancellationToken)
            : new StreamAggregate<PractitionerState>(PractitionerDecider.Initial, 0);

        var decision = SessionBooking.Decide(command, patient, practitioner.State);
        if (decision.IsRefused)
            return CommandWrites.Refused(decision.Refusal);
        var writes = writing.Begin(session, envelope);
        writes.Append(patientStream, decision.PatientEvents);
        writes.Append(practitionerId!.Value, practitioner.Version, decision.PractitionerEvents);
        return writes.Accept(patient.Details);
    }
}
