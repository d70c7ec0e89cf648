using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Domain.ClinicPolicies;
using Clinic.EventStore;
using Clinic.EventStore.Sessions;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Http;

/// <summary>
/// What an endpoint needs to turn a request into a command: the caller, the command bus, the clinic's
/// current policy, and read access to the caller's clinic only.
/// </summary>
internal sealed class ClinicRequest(IHttpContextAccessor http, CommandBus bus, DocumentStore store, TimeProvider clock)
{
    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No current request.");

    public ClinicUser User => ClinicUser.From(Context.User);

    public DateTimeOffset Now => clock.GetUtcNow();

    public QuerySession Reads => store.QuerySession(User.ClinicId);

    public CommandContext CommandContext => new(User.ClinicId, User.UserId, User.Role, CorrelationId.Of(Context));

    public Task<CommandResult> InvokeAsync<TCommand>(TCommand command, CancellationToken cancellationToken) =>
        bus.InvokeAsync(command, CommandContext, cancellationToken);

    /// <summary>Records that the caller looks at <paramref name="resource"/>, before it is shown.</summary>
    public async Task RecordViewAsync(string resource, Guid? patientId, CancellationToken cancellationToken)
    {
        var result = await InvokeAsync(new Access.RecordView(resource, patientId, Now), cancellationToken);
        if (result is CommandResult.Rejected rejected)
            throw new InvalidOperationException($"The access log refused a view: {rejected.Code}");
    }

    public async Task<ClinicPolicy> PolicyAsync(CancellationToken cancellationToken) =>
        (await Reads.Events.LoadClinicAsync(User.ClinicId, cancellationToken)).State.Policy;
}
