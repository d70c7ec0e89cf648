using System.Text.Json;
using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Corrections;
using Clinic.EventStore.Events;
using Clinic.Messaging.Commands;
using Microsoft.Extensions.Options;

namespace Clinic.Api.Corrections;

/// <summary>
/// Finds the event to correct in its stream, reads the corrected values in the shape of the request that
/// recorded it, and lets the domain decide the correction on the state folded from the same events.
/// </summary>
internal sealed class CorrectionHandler(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> http, EventAppender appender) : ICommandHandler<CorrectRecord>
{
    private readonly JsonSerializerOptions _json = http.Value.SerializerOptions;

    public async Task<CommandResult> HandleAsync(CorrectRecord command, HandlerContext context, CancellationToken cancellationToken)
    {
        var events = await context.Session.Events.FetchStreamAsync(command.StreamId, cancellationToken: cancellationToken);
        if (events.Count == 0 || CatalogStreamType(events[0]) != command.StreamType)
            return CommandResult.Reject($"{command.StreamType}-not-found", $"No {command.StreamType} {command.StreamId} in this clinic.");
        if (events.FirstOrDefault(e => e.Id == command.EventId) is not { } original)
            return CommandResult.Reject(RefusalCodes.EventNotFound, $"No event {command.EventId} in this {command.StreamType}'s record.");

        var byClinician = Permissions.Allows(Permissions.ReviewSideEffects, context.Command.ActorRole);
        if (original.Data is SideEffectReviewed or SideEffectReviewCorrected && !byClinician)
            return CommandResult.Reject(AuthProblems.Forbidden, "Only a clinician corrects a clinician's review.");

        Decision? decision;
        try
        {
            decision = Decide(command, original, events, byClinician ? context.Command.ActorId : null);
        }
        catch (JsonException malformed)
        {
            return CommandResult.Reject("malformed-correction", $"The corrected values do not fit a {original.EventType} record: {malformed.Message}");
        }
        if (decision is null)
            return CommandResult.Reject("not-correctable", $"A {original.EventType} event is not corrected. {CorrectiveActions.For(original.Data)}");

        context.Session.Metadata = context.Session.Metadata with { Reason = command.Reason };
        return appender.Apply(context, command.StreamId, command.StreamType, events[^1].Version, decision);
    }

    /// <summary><paramref name="clinicianId"/> is the caller when a clinician: some corrections only a clinician makes.</summary>
    private Decision? Decide(CorrectRecord command, EventEnvelope original, IReadOnlyList<EventEnvelope> events, string? clinicianId) => command.StreamType switch
    {
        StreamTypes.Patient => CorrectionCommands.ForPatient(command, original, clinicianId, _json) is { } correction
            ? PatientDecider.Decide(correction, Fold(events, PatientDecider.Initial, PatientDecider.Evolve))
            : null,
        StreamTypes.Practitioner => CorrectionCommands.ForPractitioner(command, original, _json) is { } correction
            ? PractitionerDecider.Decide(correction, Fold(events, PractitionerDecider.Initial, PractitionerDecider.Evolve))
            : null,
        _ => null,
    };

    private static TState Fold<TState>(IEnumerable<EventEnvelope> events, TState initial, Func<TState, IDomainEvent, TState> evolve) =>
        events.Aggregate(initial, (state, e) => evolve(state, (IDomainEvent)e.Data!));

    private static string? CatalogStreamType(EventEnvelope @event) =>
        EventCatalog.TryGet(@event.EventType, out var type) ? type.StreamType : null;
}
