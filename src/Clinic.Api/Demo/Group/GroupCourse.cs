using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using static Clinic.Api.Demo.Group.GroupPatientStory;

namespace Clinic.Api.Demo.Group;

/// <summary>
/// The sessions of one plan, each booked when the one before was recorded (the first once the allergy test was read),
/// on the first day the plan's interval allows and a practitioner has a free hour. What follows a session (its side
/// effects, their review, notification and resolution, corrections) waits on an agenda and is recorded in time order
/// between the bookings and sessions. A session after now stays booked and ends the story.
/// </summary>
internal sealed class GroupCourse(GroupPatientRecord record, GroupPatientStory story, DemoProtocol protocol, Guid planId, Random random)
{
    private static readonly TimeSpan RecordingDelay = TimeSpan.FromHours(1);
    private static readonly TimeSpan BookingDelay = TimeSpan.FromMinutes(70);

    private readonly List<(DateTimeOffset At, Action Step)> _agenda = [];

    private GroupClinic Clinic => record.Clinic;

    /// <summary>Runs the course from <paramref name="firstOn"/>; returns the date of its last performed session.</summary>
    public DateOnly? Run(DateOnly firstOn, DateTimeOffset bookedAt)
    {
        DateOnly? lastPerformed = null;
        var date = firstOn;
        while (record.State.ProgressOf(record.State.FindPlan(planId)!, Clinic.Policy) is { IsComplete: false })
        {
            RunAgendaUntil(bookedAt);
            if (Book(date, bookedAt) is not var (sessionId, practitioner, startsAt))
                break;
            if (startsAt.AddHours(2) > Clinic.Now)
            {
                story.End();
                break;
            }
            RunAgendaUntil(startsAt);
            var roll = random.NextDouble();
            if (roll < GroupRates.Cancelled)
            {
                var cancelledAt = bookedAt + (startsAt - bookedAt) / 2;
                record.Book(new CancelSession(record.PatientId, sessionId, cancelledAt, "Patient asked to move the appointment."), cancelledAt, Clinic.Reception);
                bookedAt = cancelledAt;
            }
            else if (roll < GroupRates.Cancelled + GroupRates.NoShow)
            {
                var markedAt = startsAt.AddMinutes(30);
                record.Record(new RecordNoShow(record.PatientId, sessionId, markedAt), markedAt, Clinic.Reception);
                bookedAt = markedAt.AddMinutes(5);
            }
            else
            {
                var performedAt = Perform(sessionId, practitioner, startsAt);
                lastPerformed = Day(performedAt);
                bookedAt = performedAt + BookingDelay;
                if (!story.LongTreated && random.NextDouble() < GroupRates.DropOut)
                    break;
            }
            date = NextDate(Day(bookedAt));
        }
        RunAgendaUntil(Clinic.Now);
        return lastPerformed;
    }

    /// <summary>The first day the plan allows after <paramref name="earliest"/>, a day or two later at times.</summary>
    private DateOnly NextDate(DateOnly earliest)
    {
        var allowed = record.State.ProgressOf(record.State.FindPlan(planId)!, Clinic.Policy).NextAllowedDate ?? earliest;
        return (allowed > earliest ? allowed : earliest.AddDays(1)).AddDays(random.Next(0, 3));
    }

    /// <summary>
    /// Books the first free hour from <paramref name="date"/> on; null when the rules refuse it because the patient's
    /// screening or allergy test no longer allows a session then (the course ends there: a new consultation starts the next).
    /// </summary>
    private (Guid SessionId, DemoPractitioner Practitioner, DateTimeOffset StartsAt)? Book(DateOnly date, DateTimeOffset bookedAt)
    {
        for (var day = date; ; day = day.AddDays(1))
            foreach (var practitioner in PractitionersInTurn())
            {
                if (Clinic.Calendar.TryBook(practitioner, day) is not { } startsAt)
                    continue;
                var sessionId = Clinic.NextId();
                var booked = record.TryBook(new ScheduleSession(record.PatientId, sessionId, planId, practitioner.Id, startsAt, protocol.DurationMinutes,
                    IntervalOverride: null, Clinic.Policy, bookedAt), bookedAt, Clinic.Reception, out var refused);
                if (booked is not null)
                    return (sessionId, practitioner, startsAt);
                if (refused is { Code: RefusalCodes.NotEligible or RefusalCodes.AllergyTestMissing or RefusalCodes.NoClearedSubstance })
                    return null;
                throw refused!;
            }
    }

    private IEnumerable<DemoPractitioner> PractitionersInTurn() =>
        Clinic.Calendar.Practitioners.OrderBy(p => p.Id == story.Practitioner.Id ? 0 : 1);

    private DateTimeOffset Perform(Guid sessionId, DemoPractitioner practitioner, DateTimeOffset startsAt)
    {
        record.View(practitioner.Actor, startsAt.AddMinutes(-10));
        if (story.LongTreated)
            record.View(Clinician().Actor, startsAt.AddMinutes(-30));
        var performedAt = startsAt.AddMinutes(5);
        var firstSession = !record.State.SessionsOf(planId).Any(s => s.Status == SessionStatus.Performed);
        var treatment = protocol.TreatmentWith(protocol.Product.UsedOn(Day(performedAt)), firstSession, performedAt);
        var performed = record.Book(new RecordSessionPerformed(record.PatientId, sessionId, performedAt, treatment, Clinic.Policy,
            performedAt + RecordingDelay, practitioner.Actor.AsRecorder), performedAt + RecordingDelay, practitioner.Actor)[0];
        if (random.NextDouble() < GroupRates.LotCorrected)
            Plan(performedAt.AddHours(20), () => CorrectLot(performed, sessionId, practitioner, treatment, Day(performedAt)));
        SideEffectAfter(sessionId, performedAt);
        return performedAt;
    }

    /// <summary>The next morning the practitioner finds the vial was of the previous quarter's lot.</summary>
    private void CorrectLot(SeedEvent performed, Guid sessionId, DemoPractitioner practitioner, PerformedTreatment treatment, DateOnly on)
    {
        const string reason = "Lot number transcribed wrongly from the vial label.";
        var corrected = treatment with { Products = [protocol.Product.UsedOn(on.AddMonths(-3))] };
        var at = performed.Timestamp.AddHours(19);
        record.Record(new CorrectSessionRecord(record.PatientId, performed.Id, reason, sessionId, corrected, Clinic.Policy,
            practitioner.Actor.AsRecorder, practitioner.Details.UserId), at, practitioner.Actor, reason);
    }

    private void SideEffectAfter(Guid sessionId, DateTimeOffset performedAt)
    {
        var roll = random.NextDouble();
        if (roll < GroupRates.SeriousSideEffect)
            Plan(performedAt.AddHours(37), () => Reviewed(DemoSideEffects.Infection(sessionId, performedAt), TimeSpan.FromDays(6)));
        else if (roll < GroupRates.SeriousSideEffect + GroupRates.SevereSideEffect)
            Plan(performedAt.AddMinutes(80), () => Reviewed(DemoSideEffects.AllergicReaction(sessionId, performedAt), TimeSpan.FromDays(3)));
        else if (roll < GroupRates.SeriousSideEffect + GroupRates.SevereSideEffect + GroupRates.ModerateSideEffect)
            Plan(performedAt.AddHours(25), () => Settled(DemoSideEffects.Swelling(sessionId, performedAt), TimeSpan.FromDays(4)));
        else if (roll < GroupRates.SeriousSideEffect + GroupRates.SevereSideEffect + GroupRates.ModerateSideEffect + GroupRates.MildSideEffect)
            Plan(performedAt.AddHours(25), () => Settled(
                random.Next(2) == 0 ? DemoSideEffects.Bruising(sessionId, performedAt) : DemoSideEffects.Redness(sessionId, performedAt), TimeSpan.FromDays(3)));
    }

    /// <summary>Mild or moderate: reported by the patient, settled without treatment.</summary>
    private void Settled(SideEffectDetails details, TimeSpan lasting)
    {
        var id = Report(details, ReportedBy.Patient);
        Resolve(id, details.OnsetAt + lasting);
    }

    /// <summary>Severe or serious: reported by staff, reviewed by a clinician the next day (treatment resumes), notified to the regulator, resolved.</summary>
    private void Reviewed(SideEffectDetails details, TimeSpan lasting)
    {
        var id = Report(details, ReportedBy.Staff);
        var reviewer = Clinician();
        var reviewedAt = details.AwareAt.AddDays(1);
        Plan(reviewedAt, () => record.Record(new ReviewSideEffect(record.PatientId, id, ReviewDecision.Resume,
            "Reviewed in clinic; settling. Resume the protocol and observe for 30 minutes after each session.", reviewer.Actor.UserId, reviewedAt),
            reviewedAt, reviewer.Actor));
        var notifiedAt = details.AwareAt.AddDays(2);
        Plan(notifiedAt, () => record.Record(new RecordRegulatorNotification(record.PatientId, id, notifiedAt,
            $"REG-{notifiedAt:yyyyMMdd}-{record.Number:00000}", notifiedAt.AddMinutes(10)), notifiedAt.AddMinutes(10), reviewer.Actor));
        Resolve(id, details.OnsetAt + lasting);
    }

    private Guid Report(SideEffectDetails details, ReportedBy reportedBy)
    {
        var id = Clinic.NextId();
        var recordedAt = details.AwareAt.AddHours(1);
        var reported = record.Record(new ReportSideEffect(record.PatientId, id, details, reportedBy, Clinic.Policy, recordedAt), recordedAt, story.Practitioner.Actor)[0];
        if (random.NextDouble() < GroupRates.SideEffectCorrected)
            Plan(recordedAt.AddHours(3), () => CorrectOnset(reported, id, details));
        return id;
    }

    /// <summary>The patient remembers the reaction began half an hour earlier than reported.</summary>
    private void CorrectOnset(SeedEvent reported, Guid sideEffectId, SideEffectDetails details)
    {
        const string reason = "Onset time confirmed with the patient by phone.";
        var clinician = Clinician();
        var at = reported.Timestamp.AddHours(3);
        record.Record(new CorrectSideEffect(record.PatientId, reported.Id, reason, sideEffectId, details with { OnsetAt = details.OnsetAt.AddMinutes(-30) },
            clinician.Actor.UserId, Clinic.Policy, at), at, clinician.Actor, reason);
    }

    private void Resolve(Guid sideEffectId, DateTimeOffset resolvedAt) =>
        Plan(resolvedAt.AddHours(1), () => record.Record(new ResolveSideEffect(record.PatientId, sideEffectId, resolvedAt, SideEffectOutcome.Recovered,
            "Settled.", resolvedAt.AddHours(1)), resolvedAt.AddHours(1), story.Practitioner.Actor));

    private DemoPractitioner Clinician() => Clinic.Clinicians[random.Next(Clinic.Clinicians.Count)];

    private void Plan(DateTimeOffset at, Action step) => _agenda.Add((at, step));

    /// <summary>Records what is due by <paramref name="until"/>, in time order (a step may plan later ones); what falls after now is never recorded.</summary>
    private void RunAgendaUntil(DateTimeOffset until)
    {
        var limit = until < Clinic.Now ? until : Clinic.Now;
        while (_agenda.Count > 0)
        {
            var next = _agenda.MinBy(step => step.At);
            if (next.At > limit)
                return;
            _agenda.Remove(next);
            next.Step();
        }
    }
}
