using Clinic.Api.Commands;
using Clinic.Api.Patients;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Marten;
using Wolverine;

namespace Clinic.Api.Workflow;

/// <summary>
/// The timers' effects on the patient record, each a command decided and appended in the timer's own Wolverine
/// transaction (its durable inbox makes it happen once). A refusal means the timer has nothing left to do (the
/// session was moved or cancelled, the test read, the regulator notified...), except a "too early" one while this
/// node's clock is still before the timer's due time (its clock lags the one that fired it): the timer comes back
/// then.
/// </summary>
public static class TimerHandler
{
    /// <summary>The least wait before trying again, so that a timer due by this clock but still refused does not spin.</summary>
    private static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(1);

    public static Task<OutgoingMessages> HandleAsync(
        SendSessionReminder timer, IDocumentSession session, Envelope envelope, CommandWriting writing, TimeProvider clock, CancellationToken cancellationToken) =>
        RunAsync(timer, new RecordReminderSent(timer.PatientId, timer.SessionId, clock.GetUtcNow(), timer.SessionStartsAt), tooEarlyCode: null,
            session, envelope, writing, clock, cancellationToken);

    public static Task<OutgoingMessages> HandleAsync(
        AllergyReadingDue timer, IDocumentSession session, Envelope envelope, CommandWriting writing, TimeProvider clock, CancellationToken cancellationToken) =>
        RunAsync(timer, new FlagAllergyReadingDue(timer.PatientId, timer.TestId, clock.GetUtcNow()), RefusalCodes.AllergyReadingNotDue,
            session, envelope, writing, clock, cancellationToken);

    public static Task<OutgoingMessages> HandleAsync(
        ReportDeadlineReached timer, IDocumentSession session, Envelope envelope, CommandWriting writing, TimeProvider clock, CancellationToken cancellationToken) =>
        RunAsync(timer, new EscalateOverdueReport(timer.PatientId, timer.SideEffectId, clock.GetUtcNow()), RefusalCodes.ReportNotOverdue,
            session, envelope, writing, clock, cancellationToken);

    private static async Task<OutgoingMessages> RunAsync(
        ITimer timer, IPatientCommand command, string? tooEarlyCode, IDocumentSession session, Envelope envelope, CommandWriting writing,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (result, messages) = await PatientCommandHandler.HandleAsync(command, session, envelope, writing, cancellationToken);
        var untilDue = timer.DueAt - clock.GetUtcNow();
        // A delay, not an instant: the instant by this node's clock may have passed already by the clock that fires timers.
        if (result is CommandResult.Rejected { Code: var code } && code == tooEarlyCode && untilDue > TimeSpan.Zero)
            messages.Delay(timer, untilDue > MinimumWait ? untilDue : MinimumWait);
        return messages;
    }
}
