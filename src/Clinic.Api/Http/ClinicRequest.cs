using System.Text.Json;
using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Domain.ClinicPolicies;
using Clinic.Messaging.Commands;
using Clinic.Messaging.Idempotency;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Clinic.Api.Http;

/// <summary>
/// What an endpoint needs to turn a request into a command and its result into a reply: the caller, the
/// command bus (with the request's idempotency key), the clinic's current policy, and read access to the
/// caller's clinic only.
/// </summary>
internal sealed class ClinicRequest(
    IHttpContextAccessor http, CommandBus bus, IDocumentStore store, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IAsyncDisposable
{
    private IQuerySession? _reads;

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No current request.");

    public ClinicUser User => ClinicUser.From(Context.User);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Reads of the caller's clinic only, in one query session for the request.</summary>
    public IQuerySession Reads => _reads ??= store.QuerySession(User.ClinicId);

    private CommandContext CommandContext => new(User.ClinicId, User.UserId, User.Role, CorrelationId.Of(Context));

    /// <summary>Runs the command and answers with <paramref name="reply"/>; a repeated idempotency key gets the first answer.</summary>
    public async Task<IResult> SendAsync<TCommand>(TCommand command, Func<CommandResult, Reply> reply, CancellationToken cancellationToken)
    {
        var context = CommandContext with { Idempotency = await IdempotencyKeys.OfAsync(Context, cancellationToken) };
        var result = await bus.InvokeAsync(command, context, r => Stored(reply(r)), cancellationToken);
        return result is CommandResult.Replayed replayed ? new ReplayedResult(replayed.Reply) : ToResult(reply(result));
    }

    public Task<CommandResult> InvokeAsync<TCommand>(TCommand command, CancellationToken cancellationToken) =>
        bus.InvokeAsync(command, CommandContext, cancellationToken: cancellationToken);

    /// <summary>Records that the caller looks at <paramref name="resource"/>, before it is shown.</summary>
    public async Task RecordViewAsync(string resource, Guid? patientId, CancellationToken cancellationToken)
    {
        var result = await InvokeAsync(new Access.RecordView(resource, patientId, Now), cancellationToken);
        if (result is CommandResult.Rejected rejected)
            throw new InvalidOperationException($"The access log refused a view: {rejected.Code}");
    }

    public async Task<ClinicPolicy> PolicyAsync(CancellationToken cancellationToken) =>
        (await Reads.Events.LoadClinicAsync(User.ClinicId, cancellationToken)).State.Policy;

    public ValueTask DisposeAsync() => _reads?.DisposeAsync() ?? ValueTask.CompletedTask;

    private IdempotentReply Stored(Reply reply) =>
        new(reply.Status, reply.Location, JsonSerializer.Serialize(reply.Body, reply.Body.GetType(), json.Value.SerializerOptions));

    private static IResult ToResult(Reply reply) => reply.Body switch
    {
        ProblemDetails problem => Results.Problem(problem),
        _ when reply.Location is not null => Results.Created(reply.Location, reply.Body),
        _ => Results.Json(reply.Body, statusCode: reply.Status),
    };
}
