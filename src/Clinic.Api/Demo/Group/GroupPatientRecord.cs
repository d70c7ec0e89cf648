using Clinic.Api.Workflow;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;
using ITimer = Clinic.Api.Workflow.ITimer;

namespace Clinic.Api.Demo.Group;

/// <summary>
/// One patient's stream as the seed records it: every command decided by the same deciders as the handlers on her state
/// folded in memory (a booking also on the practitioner's), its events kept with strictly rising timestamps, and the
/// timers they set that are still to fire. A timer due before the clinic's now fires as it would have (its command decided
/// as <see cref="TimerHandler"/> does, by the messaging system, before any later command; a refusal means it had nothing
/// left to do). A refusal of a command stops the seed: the generated data must satisfy every rule.
/// </summary>
internal sealed class GroupPatientRecord(GroupClinic clinic, Guid patientId, int number)
{
    private readonly List<SeedEvent> _events = [];
    private readonly List<(ITimer Timer, DateTimeOffset At)> _timers = [];
    private readonly PriorityQueue<ITimer, DateTimeOffset> _dueBeforeNow = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private int _commands;

    public Guid PatientId { get; } = patientId;
    public int Number { get; } = number;
    public GroupClinic Clinic { get; } = clinic;
    public PatientState State { get; private set; } = PatientDecider.Initial;
    public IReadOnlyList<SeedEvent> Events => _events;

    /// <summary>The timers the recorded events set that fire after the clinic's now (the past ones would have fired).</summary>
    public IReadOnlyList<(ITimer Timer, DateTimeOffset At)> FutureTimers => _timers;

    /// <summary>Decides a command on the patient's stream alone, as <c>PatientCommandHandler</c>; returns the events recorded.</summary>
    public IReadOnlyList<SeedEvent> Record(IPatientCommand command, DateTimeOffset at, DemoActor actor, string? reason = null)
    {
        FireTimersDueBy(at);
        var decision = PatientDecider.Decide(command, State);
        var seeded = NextCommand(actor, reason);
        if (decision.IsRefused)
            throw Refused(command, seeded, decision.Refusal);
        return Keep(decision.Events, at, seeded);
    }

    /// <summary>Decides a booking on the patient's and the practitioner's states together, as <c>SessionBookingHandler</c>.</summary>
    public IReadOnlyList<SeedEvent> Book(ISessionBookingCommand command, DateTimeOffset at, DemoActor actor) =>
        TryBook(command, at, actor, out var refused) ?? throw refused!;

    /// <summary>As <see cref="Book"/>, but a refusal is returned (null events, nothing recorded) rather than thrown.</summary>
    public IReadOnlyList<SeedEvent>? TryBook(ISessionBookingCommand command, DateTimeOffset at, DemoActor actor, out DemoRefusedException? refused)
    {
        FireTimersDueBy(at);
        var practitionerId = SessionBooking.PractitionerIdFor(command, State)
            ?? throw new InvalidOperationException($"Seeded {command.GetType().Name} names no known session.");
        var decision = SessionBooking.Decide(command, State, Clinic.PractitionerState(practitionerId));
        var seeded = NextCommand(actor, null);
        refused = decision.IsRefused ? Refused(command, seeded, decision.Refusal) : null;
        if (decision.IsRefused)
            return null;
        Clinic.RecordForPractitioner(practitionerId, decision.PractitionerEvents, at, seeded);
        return Keep(decision.PatientEvents, at, seeded);
    }

    /// <summary>Fires, in time order, the timers due by <paramref name="until"/> (the clinic's now at the latest).</summary>
    public void FireTimersDueBy(DateTimeOffset until)
    {
        while (_dueBeforeNow.TryPeek(out var timer, out var dueAt) && dueAt <= until)
        {
            _dueBeforeNow.Dequeue();
            var firedAt = dueAt > _last ? dueAt : _last;
            var decision = PatientDecider.Decide(TimerHandler.CommandOf(timer, firedAt), State);
            if (!decision.IsRefused)
                Keep(decision.Events, firedAt, NextCommand(DemoActor.Messaging, reason: null));
        }
    }

    /// <summary>The viewer opens the patient's history: a look in her access log, in its own request.</summary>
    public void View(DemoActor viewer, DateTimeOffset at) => Clinic.RecordView(viewer, PatientId, at, NextCorrelation());

    private IReadOnlyList<SeedEvent> Keep(IReadOnlyList<IDomainEvent> events, DateTimeOffset at, SeedCommand command)
    {
        var kept = new List<SeedEvent>(events.Count);
        foreach (var @event in events)
        {
            State = PatientDecider.Evolve(State, @event);
            _last = SeedTime.After(_last, at);
            kept.Add(new SeedEvent(Clinic.NextId(), @event, _last, command));
            foreach (var (timer, dueAt) in FollowUps.TimersOf(@event))
                if (dueAt > Clinic.Now)
                    _timers.Add((timer, dueAt));
                else
                    _dueBeforeNow.Enqueue(timer, dueAt);
        }
        _events.AddRange(kept);
        return kept;
    }

    private SeedCommand NextCommand(DemoActor actor, string? reason) => Clinic.Command(actor, NextCorrelation(), reason);

    private string NextCorrelation() => $"seed-{Clinic.ClinicId}-{Number:00000}-{++_commands:000}";

    private static DemoRefusedException Refused(object command, SeedCommand seeded, Refusal refusal) =>
        new(command.GetType().Name, seeded.CorrelationId, refusal.Code, refusal.Detail);
}
