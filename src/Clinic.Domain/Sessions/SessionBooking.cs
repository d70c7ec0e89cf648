using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;

namespace Clinic.Domain.Sessions;

/// <summary>
/// Decides the session commands that span the patient's record and the practitioner's calendar. The caller loads
/// both streams, decides here, and appends both event lists atomically with their expected versions, so two
/// concurrent bookings of one practitioner never both succeed.
/// </summary>
public static class SessionBooking
{
    /// <summary>The practitioner whose stream the command needs; null when the session is unknown.</summary>
    public static Guid? PractitionerIdFor(ISessionBookingCommand command, PatientState patient) =>
        PractitionerNamedBy(command) ?? patient.FindSession(command.SessionId)?.PractitionerId;

    /// <summary>The practitioner the command itself names (a new booking), known before the patient's record is read.</summary>
    public static Guid? PractitionerNamedBy(ISessionBookingCommand command) => (command as ScheduleSession)?.PractitionerId;

    /// <summary>
    /// The start of the slot the decision looks for in the practitioner's calendar: a booking that ended by then cannot
    /// refuse it. Null when the decision reads no booking (cancelling releases one, performing reads the licence).
    /// </summary>
    public static DateTimeOffset? CalendarReadFrom(ISessionBookingCommand command) => command switch
    {
        ScheduleSession schedule => schedule.StartsAt,
        RescheduleSession reschedule => reschedule.NewStartsAt,
        _ => null,
    };

    public static SessionBookingDecision Decide(
        ISessionBookingCommand command, PatientState patient, PractitionerState practitioner) => command switch
    {
        _ when PatientRules.CheckRegistered(patient, command.PatientId) is { } notFound => SessionBookingDecision.Refuse(notFound),
        ScheduleSession schedule => Schedule(schedule, patient, practitioner),
        RescheduleSession reschedule => WithScheduledSession(reschedule, patient,
            session => Reschedule(reschedule, session, patient, practitioner)),
        CancelSession cancel => WithScheduledSession(cancel, patient,
            session => Cancel(cancel, session, practitioner)),
        RecordSessionPerformed performed => WithScheduledSession(performed, patient,
            session => RecordPerformed(performed, session, patient, practitioner)),
        _ => SessionBookingDecision.Refuse(Check.Unsupported(command)),
    };

    private static SessionBookingDecision Schedule(ScheduleSession command, PatientState patient, PractitionerState practitioner)
    {
        if ((SessionRules.CheckDuration(command.DurationMinutes) ?? SessionRules.CheckStart(command.StartsAt)) is { } malformed)
            return SessionBookingDecision.Refuse(malformed);
        var endsAt = command.StartsAt.AddMinutes(command.DurationMinutes);
        return (SessionRules.CheckOverride(command.IntervalOverride)
                ?? SessionRules.CheckStartsFromNow(command.StartsAt, command.BookedAt)
                ?? Check.IsNew(patient.FindSession(command.SessionId), "Session", command.SessionId)
                ?? SessionScheduling.CheckNewSession(patient, command)
                ?? PractitionerRules.CheckLicensedOn(practitioner, command.PractitionerId, command.StartsAt.CalendarDate())
                ?? PractitionerRules.CheckFree(practitioner, command.SessionId, command.StartsAt, endsAt)) is { } refusal
            ? SessionBookingDecision.Refuse(refusal)
            : SessionBookingDecision.Accept(
                new SessionScheduled(command.PatientId, command.SessionId, command.PlanId, command.PractitionerId,
                    command.StartsAt, endsAt, command.IntervalOverride),
                new PractitionerBooked(command.PractitionerId, command.SessionId, command.PatientId, command.StartsAt, endsAt));
    }

    private static SessionBookingDecision Reschedule(
        RescheduleSession command, Session session, PatientState patient, PractitionerState practitioner)
    {
        if (SessionRules.CheckStart(command.NewStartsAt) is { } malformed)
            return SessionBookingDecision.Refuse(malformed);
        var endsAt = command.NewStartsAt + (session.EndsAt - session.StartsAt);
        return (Check.NotBlank(command.Reason, RefusalCodes.ReasonRequired, "The reason for rescheduling")
                ?? SessionRules.CheckOverride(command.IntervalOverride)
                ?? SessionRules.CheckStartsFromNow(command.NewStartsAt, command.RescheduledAt)
                ?? SessionScheduling.CheckMove(patient, session, command)
                ?? PractitionerRules.CheckLicensedOn(practitioner, session.PractitionerId, command.NewStartsAt.CalendarDate())
                ?? PractitionerRules.CheckFree(practitioner, session.SessionId, command.NewStartsAt, endsAt)) is { } refusal
            ? SessionBookingDecision.Refuse(refusal)
            : SessionBookingDecision.Accept(
                new SessionRescheduled(command.PatientId, session.SessionId, command.NewStartsAt, endsAt,
                    command.Reason, command.IntervalOverride),
                new PractitionerBookingMoved(session.PractitionerId, session.SessionId, command.NewStartsAt, endsAt));
    }

    private static SessionBookingDecision Cancel(CancelSession command, Session session, PractitionerState practitioner) =>
        (Check.NotBlank(command.Reason, RefusalCodes.ReasonRequired, "The reason for cancelling")
         ?? PractitionerRules.CheckRegistered(practitioner, session.PractitionerId)) is { } refusal
            ? SessionBookingDecision.Refuse(refusal)
            : SessionBookingDecision.Accept(
                new SessionCancelled(command.PatientId, session.SessionId, command.CancelledAt, command.Reason),
                new PractitionerBookingReleased(session.PractitionerId, session.SessionId));

    private static SessionBookingDecision RecordPerformed(
        RecordSessionPerformed command, Session session, PatientState patient, PractitionerState practitioner) =>
        (PractitionerRules.CheckRecorder(practitioner.Details?.UserId, command.RecordedBy)
         ?? PerformedTreatmentRules.CheckRecord(command.Treatment, command.PerformedAt, command.Policy)
         ?? SessionRules.CheckPerformedAt(session, command.PerformedAt, command.RecordedAt)
         ?? SessionScheduling.CheckPerformance(patient, session, command)
         ?? PractitionerRules.CheckLicensedOn(practitioner, session.PractitionerId, command.PerformedAt.CalendarDate())) is { } refusal
            ? SessionBookingDecision.Refuse(refusal)
            : SessionBookingDecision.Accept(
                new SessionPerformed(command.PatientId, session.SessionId, session.PlanId, session.PractitionerId,
                    command.PerformedAt, command.Treatment),
                practitionerEvent: null);

    private static SessionBookingDecision WithScheduledSession(
        ISessionBookingCommand command, PatientState patient, Func<Session, SessionBookingDecision> decide)
    {
        var session = patient.FindSession(command.SessionId);
        if (session is null)
            return SessionBookingDecision.Refuse(SessionRules.NotFound(command.SessionId));
        return SessionRules.CheckScheduled(session) is { } refusal ? SessionBookingDecision.Refuse(refusal) : decide(session);
    }
}
