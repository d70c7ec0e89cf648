using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Api.Database;
using Clinic.Api.History;
using Clinic.Domain.Access;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Practitioners;

namespace Clinic.Api.Demo.Group;

/// <summary>
/// One clinic of the group as its stories are told: its policy, its staff and their calendars (folded in memory by the
/// practitioner decider), and the events of the streams its patients share (practitioners' calendars, access logs),
/// kept until the clinic is done so that they are written in time order.
/// </summary>
internal sealed class GroupClinic
{
    private static readonly (string Name, Profession Profession, string Role)[] Staff =
    [
        ("Dr Ana Silva", Profession.Dermatologist, ClinicRoles.Clinician),
        ("Dr Karim Haddad", Profession.Physician, ClinicRoles.Clinician),
        ("Dr Helena Novak", Profession.Dermatologist, ClinicRoles.Clinician),
        ("Dr Paulo Reis", Profession.Physician, ClinicRoles.Clinician),
        ("Joana Pereira", Profession.Nurse, ClinicRoles.Practitioner),
        ("Tomás Weber", Profession.Nurse, ClinicRoles.Practitioner),
        ("Marta Lopes", Profession.Nurse, ClinicRoles.Practitioner),
        ("Inês Duarte", Profession.Nurse, ClinicRoles.Practitioner),
    ];

    private readonly Dictionary<Guid, GroupPractitioner> _practitioners = [];
    private readonly Dictionary<Guid, List<SeedEvent>> _sharedStreams = [];
    private readonly List<(Guid StreamId, SeedEvent Event)> _setup = [];
    private readonly SeedIds _ids;

    public GroupClinic(string clinicId, DateTimeOffset now, int years, Random random)
    {
        ClinicId = clinicId;
        Now = StoredTime.Of(now);
        Start = Now.AddYears(-years);
        _ids = new SeedIds(random);
        Admin = new DemoActor($"{clinicId}-admin", ClinicRoles.ClinicAdmin);
        Reception = new DemoActor($"{clinicId}-reception", ClinicRoles.Receptionist);
        SetPolicy();
        Calendar = new DemoClinic(Now, [.. Staff.Select((staff, number) => Register(staff, number))]);
    }

    public string ClinicId { get; }
    public DateTimeOffset Now { get; }
    public DateTimeOffset Start { get; }
    public ClinicPolicy Policy => Calendar.Policy;
    public DemoActor Admin { get; }
    public DemoActor Reception { get; }

    /// <summary>The practitioners and their booked hours.</summary>
    public DemoClinic Calendar { get; }

    /// <summary>The clinic's policy and its practitioners' registrations, recorded before the first patient.</summary>
    public IReadOnlyList<(Guid StreamId, SeedEvent Event)> Setup => _setup;

    public IReadOnlyList<DemoPractitioner> Clinicians => [.. Calendar.Practitioners.Where(p => p.Actor.Role == ClinicRoles.Clinician)];

    public PractitionerState PractitionerState(Guid id) => _practitioners[id].State;

    public SeedCommand Command(DemoActor actor, string correlationId, string? reason = null) =>
        new(actor.UserId, actor.Role, correlationId, _ids.Next(), reason);

    public Guid NextId() => _ids.Next();

    /// <summary>Folds a booking decision's events into the practitioner's state and keeps them for her stream.</summary>
    public void RecordForPractitioner(Guid practitionerId, IReadOnlyList<IDomainEvent> events, DateTimeOffset at, SeedCommand command)
    {
        var practitioner = _practitioners[practitionerId];
        foreach (var @event in events)
        {
            practitioner.State = PractitionerDecider.Evolve(practitioner.State, @event);
            Share(practitionerId, new SeedEvent(_ids.Next(), @event, StoredTime.Of(at), command));
        }
    }

    /// <summary>A look at the patient's history, kept for the viewer's access log of that day as the history GET appends it.</summary>
    public void RecordView(DemoActor viewer, Guid patientId, DateTimeOffset at, string correlationId)
    {
        var viewed = new RecordViewed(viewer.UserId, viewer.Role, PatientRecordView.HistoryResource, patientId, at);
        Share(StreamIds.ForAccessLog(ClinicId, viewer.UserId, DateOnly.FromDateTime(at.UtcDateTime)),
            new SeedEvent(_ids.Next(), viewed, StoredTime.Of(at), Command(viewer, correlationId)));
    }

    /// <summary>The shared streams' events, each stream's in time order with strictly rising timestamps; the clinic keeps none after.</summary>
    public IEnumerable<(Guid StreamId, IReadOnlyList<SeedEvent> Events)> TakeSharedStreams()
    {
        foreach (var (streamId, events) in _sharedStreams)
            yield return (streamId, InTimeOrder(events));
        _sharedStreams.Clear();
    }

    private static IReadOnlyList<SeedEvent> InTimeOrder(List<SeedEvent> events)
    {
        var ordered = events.OrderBy(e => e.Timestamp).ToList();
        for (var i = 1; i < ordered.Count; i++)
            ordered[i] = ordered[i] with { Timestamp = SeedTime.After(ordered[i - 1].Timestamp, ordered[i].Timestamp) };
        return ordered;
    }

    private void Share(Guid streamId, SeedEvent seeded)
    {
        if (!_sharedStreams.TryGetValue(streamId, out var events))
            _sharedStreams[streamId] = events = [];
        events.Add(seeded);
    }

    private void SetPolicy()
    {
        var decision = ClinicDecider.Decide(new SetClinicPolicy(ClinicId, ClinicPolicy.Default), ClinicDecider.Initial);
        Keep(nameof(SetClinicPolicy), decision, StreamIds.ForClinic(ClinicId), Start, Command(Admin, "seed-group-setup"));
    }

    private DemoPractitioner Register((string Name, Profession Profession, string Role) staff, int number)
    {
        var id = _ids.Next();
        var userId = $"{ClinicId}-staff-{number + 1:00}";
        var details = new PractitionerDetails(staff.Name, staff.Profession, $"LIC-{ClinicId}-{number + 1:00}",
            DateOnly.FromDateTime(Now.UtcDateTime).AddYears(1 + number % 3), userId);
        var decision = PractitionerDecider.Decide(new RegisterPractitioner(id, ClinicId, details), PractitionerDecider.Initial);
        var practitioner = new GroupPractitioner(new DemoPractitioner(id, details, new DemoActor(userId, staff.Role)));
        practitioner.State = decision.Events.Aggregate(practitioner.State, PractitionerDecider.Evolve);
        _practitioners[id] = practitioner;
        Keep(nameof(RegisterPractitioner), decision, id, Start.AddMinutes(1 + number), Command(Admin, "seed-group-setup"));
        return practitioner.Staff;
    }

    private void Keep(string commandName, Decision decision, Guid streamId, DateTimeOffset at, SeedCommand command)
    {
        if (decision.IsRefused)
            throw new DemoRefusedException(commandName, command.CorrelationId, decision.Refusal.Code, decision.Refusal.Detail);
        _setup.AddRange(decision.Events.Select(e => (streamId, new SeedEvent(_ids.Next(), e, StoredTime.Of(at), command))));
    }

    private sealed class GroupPractitioner(DemoPractitioner staff)
    {
        public DemoPractitioner Staff { get; } = staff;
        public PractitionerState State { get; set; } = PractitionerDecider.Initial;
    }
}
