using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.EventStore.Streams;

namespace Clinic.Api.Commands;

/// <summary>Folds the domain's streams with the domain's own evolve functions.</summary>
internal static class StreamLoading
{
    public static Task<StreamAggregate<PatientState>> LoadPatientAsync(this EventReader events, Guid patientId, CancellationToken cancellationToken, DateTimeOffset? asOf = null) =>
        events.AggregateStreamAsync(patientId, PatientDecider.Initial, (state, e) => PatientDecider.Evolve(state, (IDomainEvent)e), asOf: asOf, cancellationToken: cancellationToken);

    public static Task<StreamAggregate<PractitionerState>> LoadPractitionerAsync(this EventReader events, Guid practitionerId, CancellationToken cancellationToken) =>
        events.AggregateStreamAsync(practitionerId, PractitionerDecider.Initial, (state, e) => PractitionerDecider.Evolve(state, (IDomainEvent)e), cancellationToken: cancellationToken);

    public static Task<StreamAggregate<ClinicState>> LoadClinicAsync(this EventReader events, string clinicId, CancellationToken cancellationToken) =>
        events.AggregateStreamAsync(StreamIds.ForClinic(clinicId), ClinicDecider.Initial, (state, e) => ClinicDecider.Evolve(state, (IDomainEvent)e), cancellationToken: cancellationToken);
}
