using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Demo;

/// <summary>
/// Sends the demo's commands through the same command bus and handlers as HTTP, as the actor who would send them,
/// and tallies what they record. A refusal stops the seed: the demo data must satisfy every rule.
/// </summary>
internal sealed class DemoCommands(CommandBus bus, string clinicId, DemoTally tally)
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

    /// <remarks>The handler is found by <typeparamref name="TCommand"/>, so callers pass the command's interface type.</remarks>
    private async Task<IReadOnlyList<IDomainEvent>> SendAsync<TCommand>(TCommand command, DemoActor actor, string correlationId, CancellationToken ct)
    {
        var context = new CommandContext(ClinicId, actor.UserId, actor.Role, correlationId);
        var result = await bus.InvokeAsync(command, context, cancellationToken: ct);
        if (result is CommandResult.Rejected rejected)
            throw new DemoRefusedException(command!.GetType().Name, correlationId, rejected.Code, rejected.Detail);
        if (result is not CommandResult.Accepted { Response: var response })
            throw new InvalidOperationException($"{command!.GetType().Name} ({correlationId}) gave an unexpected {result.GetType().Name}.");
        var events = response as IReadOnlyList<IDomainEvent> ?? [];
        tally.Add(events);
        return events;
    }
}

/// <summary>A demo command the rules refused: the demo data is wrong. Names the command, never the patient.</summary>
internal sealed class DemoRefusedException(string command, string correlationId, string code, string detail)
    : Exception($"The rules refused {command} ({correlationId}): {code}: {detail}");
