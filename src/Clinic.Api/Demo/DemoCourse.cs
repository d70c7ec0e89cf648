using Clinic.Domain.SideEffects;
using Clinic.Domain.Sessions;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Api.Demo.DemoTwist;

namespace Clinic.Api.Demo;

/// <summary>
/// A demo course of treatment: sessions one interval of their plan phase apart, the past ones performed (with their side effects
/// as they happened), the future ones booked. The last past session is at least three days ago, whatever the protocol.
/// </summary>
internal sealed class DemoCourse(DemoPatientRecord record, DemoClinic clinic, Treated treated, DemoPractitioner firstPractitioner)
{
    private readonly List<Guid> _upcoming = [];
    private (Guid SessionId, DateTimeOffset PerformedAt)? _lastPerformed;

    private DemoProtocol Protocol => treated.Protocol;
    /// <summary>Past sessions fill whole intervals back from a day 1 to <c>initial interval - 3</c> days ahead, varied by patient.</summary>
    public DateOnly FirstSessionOn => clinic.Today.AddDays(1 + record.Number % (Protocol.IntervalDays - 3) - DaysToSession(treated.Performed));

    /// <summary>Days from the first session to the one of index <paramref name="session"/>, each after its phase's interval.</summary>
    private int DaysToSession(int session) => Enumerable.Range(2, session).Sum(number => Protocol.Plan.IntervalBefore(number));

    /// <summary>A week before the first session, or a few days ago for a course that has not started.</summary>
    public DateOnly ConsultedOn => treated.Performed > 0 ? FirstSessionOn.AddDays(-7) : clinic.Today.AddDays(-3 - record.Number % 4);

    /// <summary>The reception books the whole course at the end of the consultation.</summary>
    private DateTimeOffset BookedAt => DemoClinic.At(ConsultedOn, 11);

    /// <summary>The practitioner writes the record within the hour after the session.</summary>
    private static readonly TimeSpan RecordingDelay = TimeSpan.FromHours(1);

    public async Task RunAsync(Guid planId, CancellationToken ct)
    {
        for (var session = 0; session < treated.Performed + treated.Scheduled; session++)
            await SessionAsync(planId, session, ct);
        if (Has(Cancellation))
            await record.BookAsync(new CancelSession(record.PatientId, _upcoming[^1], clinic.Now, "Patient is travelling; will rebook."), DemoActor.Reception, ct);
        if (_lastPerformed is (var lastSession, var lastPerformedAt))
            await AfterLastSessionAsync(lastSession, lastPerformedAt, ct);
    }

    /// <summary>Reported once every session is booked: a serious one would suspend further booking.</summary>
    private async Task AfterLastSessionAsync(Guid sessionId, DateTimeOffset performedAt, CancellationToken ct)
    {
        if (Has(RednessOpen))
            await ReportAsync(DemoSideEffects.Redness(sessionId, performedAt), ReportedBy.Patient, ct);
        if (Has(SeriousAwaitingReview))
            await ReportAsync(DemoSideEffects.Infection(sessionId, performedAt), ReportedBy.Patient, ct);
    }

    private async Task SessionAsync(Guid planId, int session, CancellationToken ct)
    {
        var date = FirstSessionOn.AddDays(DaysToSession(session));
        var practitioner = clinic.TreatingOn(date, firstPractitioner, record.Number);
        var startsAt = clinic.Book(practitioner, date);
        var sessionId = Guid.CreateVersion7();
        await record.BookAsync(new ScheduleSession(record.PatientId, sessionId, planId, practitioner.Id, startsAt, Protocol.DurationMinutes,
            IntervalOverride: null, clinic.Policy, BookedAt), DemoActor.Reception, ct);
        if (session >= treated.Performed)
            _upcoming.Add(sessionId);
        else if (Has(NoShow) && session == treated.Performed - 1)
            await record.RecordAsync(new RecordNoShow(record.PatientId, sessionId, startsAt.AddMinutes(30)), DemoActor.Reception, ct);
        else
            await PerformAsync(sessionId, session, startsAt.AddMinutes(5), practitioner, ct);
    }

    private async Task PerformAsync(Guid sessionId, int session, DateTimeOffset performedAt, DemoPractitioner practitioner, CancellationToken ct)
    {
        await record.BookAsync(new RecordSessionPerformed(record.PatientId, sessionId, performedAt, Protocol.Treatment(session, performedAt), clinic.Policy,
            performedAt + RecordingDelay, practitioner.Actor.AsRecorder), practitioner.Actor, ct);
        _lastPerformed = (sessionId, performedAt);
        if (session == 0 && Has(BruisingResolved))
            await ReportAndResolveAsync(DemoSideEffects.Bruising(sessionId, performedAt), TimeSpan.FromDays(4), ct);
        if (session == 1 && Has(SwellingResolved))
            await ReportAndResolveAsync(DemoSideEffects.Swelling(sessionId, performedAt), TimeSpan.FromDays(5), ct);
        if (session == 0 && Has(SevereReviewed))
            await ReviewedReactionAsync(DemoSideEffects.AllergicReaction(sessionId, performedAt), ct);
    }

    private async Task ReportAndResolveAsync(SideEffectDetails details, TimeSpan lasting, CancellationToken ct)
    {
        var id = await ReportAsync(details, ReportedBy.Patient, ct);
        await ResolveAsync(id, details.OnsetAt + lasting, "Settled without treatment.", ct);
    }

    /// <summary>Reviewed the next day (treatment resumes), notified to the regulator, resolved after three days.</summary>
    private async Task ReviewedReactionAsync(SideEffectDetails details, CancellationToken ct)
    {
        var id = await ReportAsync(details, ReportedBy.Staff, ct);
        var reviewer = clinic.Reviewer;
        await record.RecordAsync(new ReviewSideEffect(record.PatientId, id, ReviewDecision.Resume,
            "Urticaria settled with an antihistamine. Resume the protocol; observe for 30 minutes after each session.",
            reviewer.Actor.UserId, details.AwareAt.AddDays(1)), reviewer.Actor, ct);
        await record.RecordAsync(new RecordRegulatorNotification(record.PatientId, id, details.AwareAt.AddDays(2),
            $"REG-{details.AwareAt:yyyyMMdd}-{record.Number:00}", clinic.Now), reviewer.Actor, ct);
        await ResolveAsync(id, details.OnsetAt.AddDays(3), "No recurrence.", ct);
    }

    private async Task<Guid> ReportAsync(SideEffectDetails details, ReportedBy reportedBy, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await record.RecordAsync(new ReportSideEffect(record.PatientId, id, details, reportedBy, clinic.Policy, clinic.Now), CurrentPractitioner.Actor, ct);
        return id;
    }

    private Task ResolveAsync(Guid sideEffectId, DateTimeOffset resolvedAt, string notes, CancellationToken ct) =>
        record.RecordAsync(new ResolveSideEffect(record.PatientId, sideEffectId, resolvedAt, SideEffectOutcome.Recovered, notes, clinic.Now), CurrentPractitioner.Actor, ct);

    private DemoPractitioner CurrentPractitioner => clinic.TreatingOn(clinic.Today, firstPractitioner, record.Number);

    private bool Has(DemoTwist twist) => treated.Twists.HasFlag(twist);
}
