using System.Text.Json;
using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Corrections;
using JasperFx.Events;
using Marten;
using Wolverine;
using Microsoft.Extensions.Options;

namespace Clinic.Api.Corrections;

/// <summary>
/// Finds the event to correct in its stream, reads the corrected values in the shape of the request that
/// recorded it, and lets the domain decide the correction on the state folded from the same events.
/// </summary>
public sealed class CorrectionHandler(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> http)
{
    private readonly JsonSerializerOptions _json = http.Value.SerializerOptions;

    public async Task<(CommandResult, OutgoingMessages)> HandleAsync(
        CorrectRecord command, IDocumentSession session, Envelope envelope, CommandWriting writing, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(command.StreamId, token: cancellationToken);
        var decision = await DecideAsync(command, events, session, CommandCaller.ActorOf(envelope), cancellationToken);
        if (decision.IsRefused)
            return CommandWrites.Refused(decision);
        var writes = writing.Begin(session, envelope);
        session.SetHeader(EventHeaders.Reason, command.Reason);
        writes.Append(command.StreamId, events[^1].Version, decision.Events);
        return writes.Accept();
    }

    private async Task<Decision> DecideAsync(
        CorrectRecord command, IReadOnlyList<IEvent> events, IDocumentSession session, (string Id, string Role) actor, CancellationToken cancellationToken)
    {
        if (events.Count == 0 || CatalogStreamType(events[0]) != command.StreamType)
            return Decision.Refuse(CorrectionRefusals.NotFound(command.StreamType), $"No {command.StreamType} {command.StreamId} in this clinic.");
        if (events.FirstOrDefault(e => e.Id == command.EventId) is not { } original)
            return Decision.Refuse(RefusalCodes.EventNotFound, $"No event {command.EventId} in this {command.StreamType}'s record.");

        var byClinician = Permissions.Allows(Permissions.ReviewSideEffects, actor.Role);
        if (original.Data is SideEffectReviewed or SideEffectReviewCorrected && !byClinician)
            return Decision.Refuse(AuthProblems.Forbidden, "Only a clinician corrects a clinician's review.");

        var caller = new CorrectionCaller(byClinician ? actor.Id : null,
            new SessionRecorder(actor.Id, Permissions.Allows(Permissions.RecordCareForOthers, actor.Role)),
            await SessionPractitionerUserIdAsync(original, events, session, cancellationToken));
        try
        {
            return Decide(command, original, events, caller)
                ?? Decision.Refuse(CorrectionRefusals.NotCorrectable, $"A {original.EventTypeName} event is not corrected. {CorrectiveActions.For(original.Data)}");
        }
        catch (JsonException malformed)
        {
            return Decision.Refuse(CorrectionRefusals.MalformedCorrection, $"The corrected values do not fit a {original.EventTypeName} record: {malformed.Message}");
        }
    }

    private Decision? Decide(CorrectRecord command, IEvent original, IReadOnlyList<IEvent> events, CorrectionCaller caller) => command.StreamType switch
    {
        StreamTypes.Patient => CorrectionCommands.ForPatient(command, original, caller, _json) is { } correction
            ? PatientDecider.Decide(correction, StreamLoading.Fold(events, PatientDecider.Initial, PatientDecider.Evolve))
            : null,
        StreamTypes.Practitioner => CorrectionCommands.ForPractitioner(command, original, _json) is { } correction
            ? PractitionerDecider.Decide(correction, StreamLoading.Fold(events, PractitionerDecider.Initial, PractitionerDecider.Evolve))
            : null,
        _ => null,
    };

    /// <summary>
    /// The user the practitioner of a corrected session record is linked to, read from her stream: only that user or a
    /// clinician corrects the record. Null for any other event, or a practitioner without a linked user.
    /// </summary>
    private static async Task<string?> SessionPractitionerUserIdAsync(
        IEvent original, IReadOnlyList<IEvent> events, IDocumentSession session, CancellationToken cancellationToken)
    {
        var sessionId = original.Data switch
        {
            SessionPerformed e => e.SessionId,
            SessionRecordCorrected e => e.SessionId,
            _ => (Guid?)null,
        };
        if (sessionId is null)
            return null;
        var practitionerId = events.Select(e => e.Data).OfType<SessionPerformed>().First(e => e.SessionId == sessionId).PractitionerId;
        return (await session.LoadPractitionerDetailsAsync(practitionerId, cancellationToken)).Details?.UserId;
    }

    private static string? CatalogStreamType(IEvent @event) =>
        EventCatalog.TryGet(@event.EventTypeName, out var type) ? type.StreamType : null;
}
