using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Clinic.Api.Commands;
using Wolverine;

namespace Clinic.Api.Demo;

/// <summary>
/// Sends the demo's commands to the same Wolverine handlers as HTTP, as the actor who would send them,
/// and tallies what they record. A refusal stops the seed: the demo data must satisfy every rule.
/// </summary>
internal sealed class DemoCommands(IMessageBus bus, string clinicId, DemoTally tally)
{
    public string ClinicId { get; } = clinicId;

    public Task<IReadOnlyList<IDomainEvent>> ClinicAsync(IClinicCommand command, DemoActor actor, string correlationId, CancellationToken ct) =>
        SendAsync(command, actor, correlationId, ct);

    public Task<IReadOnlyList<IDomainEvent>> PractitionerAsync(IPractitionerCommand command, DemoActor actor, string correlationId, CancellationToken ct) =>
        SendAsync(command, actor, correlationId, ct);

    public Task<IReadOnlyList<IDomainEvent>> PatientAsync(IPatientCommand command, DemoActor actor, string correlationId, CancellationToken ct) =>
        SendAsync(command, actor, correlationId, ct);

    public Task<IReadOnlyList<IDomainEvent>> BookingAsync(ISessionBookingCommand command, DemoActor actor, string correlationId, CancellationToken ct) =>
        SendAsync(command, actor, correlationId, ct);

    private async Task<IReadOnlyList<IDomainEvent>> SendAsync(object command, DemoActor actor, string correlationId, CancellationToken ct)
    {
        var result = await bus.InvokeAsync<CommandResult>(command, CommandCaller.Options(ClinicId, actor.UserId, actor.Role, correlationId, null), ct);
        if (result is CommandResult.Rejected rejected)
            throw new DemoRefusedException(command.GetType().Name, correlationId, rejected.Code, rejected.Detail);
        var events = ((CommandResult.Accepted)result).Events;
        tally.Add(events);
        return events;
    }
}

/// <summary>A demo command the rules refused: the demo data is wrong. Names the command, never the patient.</summary>
internal sealed class DemoRefusedException(string command, string correlationId, string code, string detail)
    : Exception($"The rules refused {command} ({correlationId}): {code}: {detail}")
{
    public string Code { get; } = code;
}
