using Clinic.Api.Commands;
using Clinic.Api.Practitioners;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Marten;
using Wolverine;

namespace Clinic.Api.Sessions;

/// <summary>
/// Session commands span the patient's record and the practitioner's calendar: both are fetched for writing, decided
/// together, and both streams appended at the versions fetched, so of two overlapping bookings of one practitioner
/// only one can commit.
/// </summary>
public static class SessionBookingHandler
{
    public static async Task<(CommandResult, OutgoingMessages)> HandleAsync(
        ISessionBookingCommand command, IDocumentSession session, Envelope envelope, CommandWriting writing, CancellationToken cancellationToken)
    {
        var (patientStream, namedCalendar) = await session.FetchPatientAndCalendarAsync(
            command.PatientId, SessionBooking.PractitionerNamedBy(command), cancellationToken);
        var patient = patientStream.Aggregate?.Record ?? PatientDecider.Initial;
        var calendar = namedCalendar ?? (SessionBooking.PractitionerIdFor(command, patient) is { } id
            ? await session.Events.FetchForWriting<PractitionerCalendar>(id, cancellationToken)
            : null);
        var practitioner = calendar is null
            ? PractitionerDecider.Initial
            : await session.PractitionerForBookingAsync(calendar, SessionBooking.CalendarReadFrom(command), cancellationToken);

        var decision = SessionBooking.Decide(command, patient, practitioner);
        if (decision.IsRefused)
            return CommandWrites.Refused(decision.Refusal);
        var writes = writing.Begin(session, envelope);
        writes.Append(patientStream, decision.PatientEvents);
        writes.Append(calendar!, decision.PractitionerEvents);
        return writes.Accept(patient.Details);
    }
}
