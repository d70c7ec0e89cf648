using Clinic.Api.Practitioners;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using JasperFx.Events;
using Marten;

using IQueryEventStore = Marten.Events.IQueryEventStore;

namespace Clinic.Api.Commands;

/// <summary>A stream's state folded by the domain's evolve function, and the version it was folded at (0: no stream).</summary>
internal sealed record StreamAggregate<TState>(TState State, long Version);

/// <summary>Folds the domain's streams with the domain's own evolve functions.</summary>
internal static class StreamLoading
{
    /// <summary>
    /// The patient's record for a decision: Marten's inline history of the stream, fetched for writing (one document,
    /// the one the inline projection then updates, and the version the append is checked against).
    /// </summary>
    public static async Task<(JasperFx.Events.IEventStream<History.PatientHistory> Stream, PatientState State)> FetchPatientAsync(
        this IDocumentSession session, Guid patientId, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<History.PatientHistory>(patientId, cancellationToken);
        return (stream, stream.Aggregate?.Record ?? PatientDecider.Initial);
    }

    public static Task<StreamAggregate<PractitionerState>> LoadPractitionerAsync(this IQueryEventStore events, Guid practitionerId, CancellationToken cancellationToken) =>
        events.FoldAsync(practitionerId, PractitionerDecider.Initial, PractitionerDecider.Evolve, cancellationToken);

    /// <summary>
    /// The practitioner for a booking decision that reads her calendar from <paramref name="readFrom"/> on (null: reads no
    /// booking): her <see cref="PractitionerCalendar"/>, one small document, when it serves that decision; else the
    /// whole stream folded (a slot before the calendar's pruning, a stream written before the calendar existed).
    /// </summary>
    public static async Task<StreamAggregate<PractitionerState>> LoadPractitionerCalendarAsync(
        this IQuerySession session, Guid practitionerId, DateTimeOffset? readFrom, CancellationToken cancellationToken)
    {
        var calendar = await session.LoadAsync<PractitionerCalendar>(practitionerId, cancellationToken);
        return calendar is not null && calendar.Serves(readFrom)
            ? new StreamAggregate<PractitionerState>(calendar.Practitioner, calendar.Version)
            : await session.Events.LoadPractitionerAsync(practitionerId, cancellationToken);
    }

    public static Task<StreamAggregate<ClinicState>> LoadClinicAsync(this IQueryEventStore events, string clinicId, CancellationToken cancellationToken) =>
        events.FoldAsync(StreamIds.ForClinic(clinicId), ClinicDecider.Initial, ClinicDecider.Evolve, cancellationToken);

    /// <summary>The kind of stream <paramref name="streamId"/> is, told by the catalog from its first event; null when there is none.</summary>
    public static async Task<string?> StreamTypeAsync(this IQueryEventStore events, Guid streamId, CancellationToken cancellationToken)
    {
        var first = await events.FetchStreamAsync(streamId, version: 1, token: cancellationToken);
        return first.Count > 0 && EventCatalog.TryGet(first[0].EventTypeName, out var type) ? type.StreamType : null;
    }

    public static TState Fold<TState>(IEnumerable<IEvent> events, TState initial, Func<TState, IDomainEvent, TState> evolve) =>
        events.Aggregate(initial, (state, e) => evolve(state, (IDomainEvent)e.Data));

    private static async Task<StreamAggregate<TState>> FoldAsync<TState>(
        this IQueryEventStore events, Guid streamId, TState initial, Func<TState, IDomainEvent, TState> evolve, CancellationToken cancellationToken)
    {
        var stream = await events.FetchStreamAsync(streamId, token: cancellationToken);
        return new StreamAggregate<TState>(Fold(stream, initial, evolve), stream.Count == 0 ? 0 : stream[^1].Version);
    }
}
