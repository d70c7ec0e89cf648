using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;

namespace Clinic.Domain.Tests.Support;

/// <summary>Given events, when a command, then events or a refusal.</summary>
internal static class Given
{
    public static PatientScenario Patient(params IEnumerable<IDomainEvent> history) => new([.. history]);

    public static PractitionerScenario Practitioner(params IEnumerable<IDomainEvent> history) => new([.. history]);

    public static ClinicScenario Clinic(params IEnumerable<IDomainEvent> history) => new([.. history]);
}

internal sealed class PatientScenario(IReadOnlyList<IDomainEvent> history)
{
    public PatientState State => history.Aggregate(PatientDecider.Initial, PatientDecider.Evolve);

    public Outcome When(IPatientCommand command) => new(PatientDecider.Decide(command, State));

    public BookingScenario AndPractitioner(params IEnumerable<IDomainEvent> practitionerHistory) =>
        AndPractitioner(practitionerHistory.Aggregate(PractitionerDecider.Initial, PractitionerDecider.Evolve));

    public BookingScenario AndPractitioner(PractitionerState practitioner) => new(State, practitioner);
}

internal sealed class PractitionerScenario(IReadOnlyList<IDomainEvent> history)
{
    public PractitionerState State => history.Aggregate(PractitionerDecider.Initial, PractitionerDecider.Evolve);

    public Outcome When(IPractitionerCommand command) => new(PractitionerDecider.Decide(command, State));
}

internal sealed class ClinicScenario(IReadOnlyList<IDomainEvent> history)
{
    public ClinicState State => history.Aggregate(ClinicDecider.Initial, ClinicDecider.Evolve);

    public Outcome When(IClinicCommand command) => new(ClinicDecider.Decide(command, State));
}

internal sealed class BookingScenario(PatientState patient, PractitionerState practitioner)
{
    public BookingOutcome When(ISessionBookingCommand command) => new(SessionBooking.Decide(command, patient, practitioner));
}

internal sealed class Outcome(Decision decision)
{
    public void ThenEmits(params IDomainEvent[] expected)
    {
        decision.Refusal.ShouldBeNull();
        EventFormat.Describe(decision.Events).ShouldBe(EventFormat.Describe(expected));
    }

    public TEvent ThenEmitsSingle<TEvent>() where TEvent : IDomainEvent
    {
        decision.Refusal.ShouldBeNull();
        return decision.Events.ShouldHaveSingleItem().ShouldBeOfType<TEvent>();
    }

    public void ThenAccepts()
    {
        decision.Refusal.ShouldBeNull();
        decision.Events.ShouldNotBeEmpty();
    }

    /// <summary>For theories over both sides of a limit.</summary>
    public void ThenAcceptsOrRefuses(bool accepted, string code)
    {
        if (accepted)
            ThenAccepts();
        else
            ThenRefuses(code);
    }

    public void ThenRefuses(string code)
    {
        decision.Events.ShouldBeEmpty();
        decision.Refusal.ShouldNotBeNull().Code.ShouldBe(code);
        decision.Refusal.Detail.ShouldNotBeNullOrWhiteSpace();
    }
}

internal sealed class BookingOutcome(SessionBookingDecision decision)
{
    public void ThenEmits(IDomainEvent patientEvent, IDomainEvent? practitionerEvent)
    {
        decision.Refusal.ShouldBeNull();
        EventFormat.Describe(decision.PatientEvents).ShouldBe(EventFormat.Describe([patientEvent]));
        EventFormat.Describe(decision.PractitionerEvents)
            .ShouldBe(EventFormat.Describe(practitionerEvent is null ? [] : [practitionerEvent]));
    }

    public void ThenAccepts()
    {
        decision.Refusal.ShouldBeNull();
        decision.PatientEvents.ShouldNotBeEmpty();
    }

    /// <summary>For theories over both sides of a limit.</summary>
    public void ThenAcceptsOrRefuses(bool accepted, string code)
    {
        if (accepted)
            ThenAccepts();
        else
            ThenRefuses(code);
    }

    public void ThenRefuses(string code)
    {
        decision.PatientEvents.ShouldBeEmpty();
        decision.PractitionerEvents.ShouldBeEmpty();
        decision.Refusal.ShouldNotBeNull().Code.ShouldBe(code);
        decision.Refusal.Detail.ShouldNotBeNullOrWhiteSpace();
    }
}
