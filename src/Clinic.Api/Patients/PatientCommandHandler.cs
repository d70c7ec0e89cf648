using Clinic.Api.Commands;
using Clinic.Domain.Patients;
using Marten;
using Wolverine;

namespace Clinic.Api.Patients;

/// <summary>Every command decided on the patient's stream alone: load, decide, append.</summary>
public static class PatientCommandHandler
{
    public static async Task<(CommandResult, OutgoingMessages)> HandleAsync(
        IPatientCommand command, IDocumentSession session, Envelope envelope, CommandWriting writing, CancellationToken cancellationToken)
    {
        var (stream, patient) = await session.FetchPatientAsync(command.PatientId, cancellationToken);
        var decision = PatientDecider.Decide(command, patient);
        if (decision.IsRefused)
            return CommandWrites.Refused(decision);
        var writes = writing.Begin(session, envelope);
        writes.Append(stream, decision.Events);
        return writes.Accept(patient.Details);
    }
}
