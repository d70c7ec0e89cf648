using Clinic.Api.Commands;
using Clinic.Domain.Access;
using Marten;
using Wolverine;

namespace Clinic.Api.Access;

/// <summary>Appends the look to the viewer's access log of the day: a record of who read what, itself immutable and audited.</summary>
public static class RecordViewHandler
{
    public static CommandResult Handle(RecordView command, IDocumentSession session, Envelope envelope)
    {
        CommandCaller.Stamp(session, envelope);
        var (viewerId, role) = CommandCaller.ActorOf(envelope);
        IReadOnlyList<Guid?> patients = command.PatientIds.Count == 0 ? [null] : command.PatientIds.Select(id => (Guid?)id).ToList();
        var viewed = patients.Select(patientId => new RecordViewed(viewerId, role, command.Resource, patientId, command.ViewedAt)).ToList();
        session.Events.Append(StreamIds.ForAccessLog(session.TenantId, viewerId, DateOnly.FromDateTime(command.ViewedAt.UtcDateTime)), viewed);
        return CommandResult.Accept(viewed);
    }
}
