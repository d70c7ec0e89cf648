using System.Text.Json;
using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Domain.ClinicPolicies;
using Marten;
using JasperFx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Clinic.Api.Http;

/// <summary>
/// What an endpoint needs to turn a request into a command and its result into a reply: the caller, Wolverine's
/// message bus (with the request's idempotency key), the clinic's current policy, and read access to the caller's
/// clinic only.
/// </summary>
internal sealed class ClinicRequest(
    IHttpContextAccessor http, IMessageBus bus, IDocumentStore store, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IAsyncDisposable
{
    private IQuerySession? _reads;

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No current request.");

    public ClinicUser User => ClinicUser.From(Context.User);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Reads of the caller's clinic only, in one query session for the request.</summary>
    public IQuerySession Reads => _reads ??= store.QuerySession(User.ClinicId);

    /// <summary>
    /// Has Wolverine run the command and answers with <paramref name="reply"/>. A key seen before gets the first answer
    /// again, given from what that command recorded; a key seen with another request is refused.
    /// </summary>
    public async Task<IResult> SendAsync<TCommand>(TCommand command, Func<CommandResult, Reply> reply, CancellationToken cancellationToken)
        where TCommand : notnull
    {
        var key = await IdempotencyKeys.OfAsync(Context, cancellationToken);
        if (key is not null && await IdempotentReplies.KnownAsync(store, Reads, key, Now, cancellationToken) is { } known)
            return known;
        try
        {
            using var pending = PendingReply.Begin(result => Stored(reply(result)));
            var result = await InvokeAsync(command, key, cancellationToken);
            // Refused on a state a concurrent request with the same key made: that request's answer is this one's too.
            if (result is CommandResult.Rejected && key is not null && await IdempotentReplies.KnownAsync(store, Reads, key, Now, cancellationToken) is { } first)
                return first;
            return ToResult(reply(result));
        }
        catch (DocumentAlreadyExistsException) when (key is not null)
        {
            // A concurrent request with the same key committed first: answer as it was answered.
            return await IdempotentReplies.KnownAsync(store, Reads, key, Now, cancellationToken)
                ?? throw new InvalidOperationException("The idempotency record that refused this request is gone.");
        }
    }

    public Task<CommandResult> InvokeAsync<TCommand>(TCommand command, CancellationToken cancellationToken) where TCommand : notnull =>
        InvokeAsync(command, idempotency: null, cancellationToken);

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

    private Task<CommandResult> InvokeAsync(object command, IdempotencyKey? idempotency, CancellationToken cancellationToken)
    {
        var user = User;
        return bus.InvokeAsync<CommandResult>(command,
            CommandCaller.Options(user.ClinicId, user.UserId, user.Role, CorrelationId.Of(Context), idempotency), cancellationToken);
    }

    private IdempotentReply Stored(Reply reply) =>
        new(reply.Status, reply.Location, JsonSerializer.Serialize(reply.Body, reply.Body.GetType(), json.Value.SerializerOptions));

    private static IResult ToResult(Reply reply) => reply.Body switch
    {
        ProblemDetails problem => Results.Problem(problem),
        _ when reply.Location is not null => Results.Created(reply.Location, reply.Body),
        _ => Results.Json(reply.Body, statusCode: reply.Status),
    };
}
