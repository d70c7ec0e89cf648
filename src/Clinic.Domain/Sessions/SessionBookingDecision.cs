using System.Diagnostics.CodeAnalysis;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;

namespace Clinic.Domain.Sessions;

/// <summary>The events for both streams, to append atomically with their expected versions, or one refusal.</summary>
public sealed class SessionBookingDecision
{
    private SessionBookingDecision(
        IReadOnlyList<IDomainEvent> patientEvents,
        IReadOnlyList<IDomainEvent> practitionerEvents,
        Refusal? refusal)
    {
        PatientEvents = patientEvents;
        PractitionerEvents = practitionerEvents;
        Refusal = refusal;
    }

    public IReadOnlyList<IDomainEvent> PatientEvents { get; }

    public IReadOnlyList<IDomainEvent> PractitionerEvents { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Refusal))]
    public bool IsRefused => Refusal is not null;

    public static SessionBookingDecision Accept(IPatientEvent patientEvent, IPractitionerEvent? practitionerEvent) =>
        new([patientEvent], practitionerEvent is null ? [] : [practitionerEvent], null);

    public static SessionBookingDecision Refuse(Refusal refusal) => new([], [], refusal);
}
