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
    /// The patient's record and, when the practitioner is known before reading it, her calendar: both fetched for
    /// writing in one round trip (the inline projections then update the documents fetched, without reading them again).
    /// </summary>
    public static async Task<(IEventStream<History.PatientHistory> Patient, IEventStream<PractitionerCalendar>? Calendar)> FetchPatientAndCalendarAsync(
        this IDocumentSession session, Guid patientId, Guid? practitionerId, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var patient = batch.Events.FetchForWriting<History.PatientHistory>(patientId);
        var calendar = practitionerId is { } id ? batch.Events.FetchForWriting<PractitionerCalendar>(id) : null;
        await batch.Execute(cancellationToken);
        return (await patient, calendar is null ? null : await calendar);
    }

    /// <summary>
    /// The practitioner for a booking decision that reads her calendar from <paramref name="readFrom"/> on (null: reads no
    /// booking): her <see cref="PractitionerCalendar"/>, one small document, when it serves that decision; else her whole
    /// stream folded (a slot before the calendar's pruning, a stream written before the calendar existed). Either way
    /// the append is checked against the version the calendar was fetched at.
    /// </summary>
    public static Task<PractitionerState> PractitionerForBookingAsync(
        this IQuerySession session, IEventStream<PractitionerCalendar> calendar, DateTimeOffset? readFrom, CancellationToken cancellationToken) =>
        session.PractitionerAsync(calendar.Id, calendar.Aggregate, readFrom, cancellationToken);

    /// <summary>
    /// The practitioner as a read of none of her bookings sees her (her details, her licence): her calendar document,
    /// which her past bookings do not grow, when it was folded from her stream's start; else her whole stream folded.
    /// </summary>
    public static async Task<PractitionerState> LoadPractitionerDetailsAsync(this IQuerySession session, Guid practitionerId, CancellationToken cancellationToken) =>
        await session.PractitionerAsync(practitionerId, await session.LoadAsync<PractitionerCalendar>(practitionerId, cancellationToken), readFrom: null, cancellationToken);

    private static async Task<PractitionerState> PractitionerAsync(
        this IQuerySession session, Guid practitionerId, PractitionerCalendar? calendar, DateTimeOffset? readFrom, CancellationToken cancellationToken) =>
        calendar is not null && calendar.Serves(readFrom)
            ? calendar.Practitioner
            : Fold(await session.Events.FetchStreamAsync(practitionerId, token: cancellationToken), PractitionerDecider.Initial, PractitionerDecider.Evolve);

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
