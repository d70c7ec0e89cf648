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
        RunAsync(timer, session, envelope, writing, clock, cancellationToken);

    public static Task<OutgoingMessages> HandleAsync(
        AllergyReadingDue timer, IDocumentSession session, Envelope envelope, CommandWriting writing, TimeProvider clock, CancellationToken cancellationToken) =>
        RunAsync(timer, session, envelope, writing, clock, cancellationToken);

    public static Task<OutgoingMessages> HandleAsync(
        ReportDeadlineReached timer, IDocumentSession session, Envelope envelope, CommandWriting writing, TimeProvider clock, CancellationToken cancellationToken) =>
        RunAsync(timer, session, envelope, writing, clock, cancellationToken);

    /// <summary>The command <paramref name="timer"/> gives when it fires at <paramref name="now"/>.</summary>
    public static IPatientCommand CommandOf(ITimer timer, DateTimeOffset now) => timer switch
    {
        SendSessionReminder t => new RecordReminderSent(t.PatientId, t.SessionId, now, t.SessionStartsAt),
        AllergyReadingDue t => new FlagAllergyReadingDue(t.PatientId, t.TestId, now),
        ReportDeadlineReached t => new EscalateOverdueReport(t.PatientId, t.SideEffectId, now),
        _ => throw new ArgumentOutOfRangeException(nameof(timer), timer.GetType().Name, "Not a timer of the patient record."),
    };

    /// <summary>The refusal that means <paramref name="timer"/> fired before its time, rather than that it has nothing left to do.</summary>
    private static string? TooEarlyCode(ITimer timer) => timer switch
    {
        AllergyReadingDue => RefusalCodes.AllergyReadingNotDue,
        ReportDeadlineReached => RefusalCodes.ReportNotOverdue,
        _ => null,
    };

    private static async Task<OutgoingMessages> RunAsync(
        ITimer timer, IDocumentSession session, Envelope envelope, CommandWriting writing, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (result, messages) = await PatientCommandHandler.HandleAsync(CommandOf(timer, clock.GetUtcNow()), session, envelope, writing, cancellationToken);
        var untilDue = timer.DueAt - clock.GetUtcNow();
        // A delay, not an instant: the instant by this node's clock may have passed already by the clock that fires timers.
        if (result is CommandResult.Rejected { Code: var code } && code == TooEarlyCode(timer) && untilDue > TimeSpan.Zero)
            messages.Delay(timer, untilDue > MinimumWait ? untilDue : MinimumWait);
        return messages;
    }
}
