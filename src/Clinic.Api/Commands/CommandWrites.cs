using Clinic.Api.Http;
using Clinic.Api.Messaging;
using Clinic.Api.Workflow;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Marten;
using Wolverine;

namespace Clinic.Api.Commands;

/// <summary>
/// What a handler writes for an accepted command, in the session Wolverine commits together with the messages the
/// handler returns: its events, appended at the versions decided on and marked with who acted and as part of what;
/// the follow-ups they set in motion; and, when the caller gave an idempotency key, the record that lets a retry get
/// the first answer.
/// </summary>
public sealed class CommandWrites
{
    private readonly IDocumentSession _session;
    private readonly Envelope _envelope;
    private readonly CommandWriting _writing;
    private readonly List<IDomainEvent> _events = [];

    internal CommandWrites(IDocumentSession session, Envelope envelope, CommandWriting writing)
    {
        _session = session;
        _envelope = envelope;
        _writing = writing;
        CommandCaller.Stamp(session, envelope);
    }

    /// <summary>A refused command writes nothing and sends nothing.</summary>
    public static (CommandResult, OutgoingMessages) Refused(Decision decision) => Refused(decision.Refusal!);

    public static (CommandResult, OutgoingMessages) Refused(Refusal refusal) => (CommandResult.Reject(refusal.Code, refusal.Detail), []);

    /// <summary>
    /// A stream decided on as new is started (another command starting it first is a conflict); an existing one is
    /// appended only if it is still at the version decided on (Marten checks it on the server).
    /// </summary>
    public void Append(Guid streamId, long decidedOnVersion, IReadOnlyList<IDomainEvent> events)
    {
        if (events.Count == 0)
            return;
        if (decidedOnVersion == 0)
            _session.Events.StartStream(streamId, [.. events]);
        else
            _session.Events.Append(streamId, decidedOnVersion + events.Count, [.. events]);
        _events.AddRange(events);
    }

    /// <summary>Appends to a stream fetched for writing: Marten checks on commit that it is still at the version fetched.</summary>
    public void Append<TAggregate>(JasperFx.Events.IEventStream<TAggregate> stream, IReadOnlyList<IDomainEvent> events) where TAggregate : notnull
    {
        if (events.Count == 0)
            return;
        stream.AppendMany(events);
        _events.AddRange(events);
    }

    /// <summary>
    /// Accepts the command: what it appended is its result, whose answer is recorded under the caller's idempotency key
    /// if it gave one, and the follow-ups of those events are the messages it sends.
    /// </summary>
    public (CommandResult, OutgoingMessages) Accept(PatientDetails? patient = null)
    {
        var result = CommandResult.Accept(_events);
        if (CommandCaller.IdempotencyOf(_envelope) is { } key && PendingReply.For(result) is { } reply)
            _session.Insert(new IdempotencyRecord(key.Key, key.RequestHash, reply, _writing.Now + _writing.IdempotencyRetention));
        return (result, _writing.FollowUps.For(_session.TenantId, _events, patient));
    }
}

/// <summary>What every command handler writes with: the follow-ups of events, the clock, and how long idempotency keys are kept.</summary>
public sealed class CommandWriting(FollowUps followUps, MessagingSettings settings, TimeProvider clock)
{
    internal FollowUps FollowUps => followUps;
    internal TimeSpan IdempotencyRetention => settings.IdempotencyRetention;
    internal DateTimeOffset Now => clock.GetUtcNow();

    public CommandWrites Begin(IDocumentSession session, Envelope envelope) => new(session, envelope, this);
}
