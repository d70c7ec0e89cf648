using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

/// <summary>Session facts that concern the patient stream alone.</summary>
internal static class SessionDecisions
{
    public static Decision RecordNoShow(RecordNoShow command, PatientState state) =>
        state.FindSession(command.SessionId) is not { } session
            ? Decision.Refuse(SessionRules.NotFound(command.SessionId))
            : (SessionRules.CheckScheduled(session)
               ?? Check.That(command.RecordedAt >= session.StartsAt, RefusalCodes.SessionNotStarted,
                   $"Session {session.SessionId} starts at {session.StartsAt:O}; a no-show is recorded after that.")) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(new SessionMarkedNoShow(command.PatientId, session.SessionId, command.RecordedAt));

    public static Decision RecordReminderSent(RecordReminderSent command, PatientState state) =>
        state.FindSession(command.SessionId) is not { } session
            ? Decision.Refuse(SessionRules.NotFound(command.SessionId))
            : (SessionRules.CheckScheduled(session)
               ?? Check.That(command.ForStartsAt is null || command.ForStartsAt == session.StartsAt, RefusalCodes.ReminderStale,
                   $"Session {session.SessionId} now starts at {session.StartsAt:O}, not {command.ForStartsAt:O}: its own reminder announces it.")
               ?? Check.That(session.ReminderSentFor != session.StartsAt, RefusalCodes.ReminderAlreadySent,
                   $"A reminder of session {session.SessionId} at {session.StartsAt:O} was already sent.")) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(new SessionReminderSent(command.PatientId, session.SessionId, session.StartsAt, command.SentAt));
}
