using System.Text.Json;
using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Api.Database;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Clinic.Api.Http;

/// <summary>
/// Has Wolverine run a command for the caller: with the caller, the request's correlation id and its idempotency key
/// in the envelope's headers, and the reply to the request made of the command's result.
/// </summary>
internal sealed class CommandSender(
    IHttpContextAccessor http, IMessageBus bus, IDocumentStore store, ClinicPartitions partitions, ClinicReads reads, ClinicUser user,
    TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No current request.");

    /// <summary>
    /// Has Wolverine run the command and answers with <paramref name="reply"/>. A key seen before gets the first answer
    /// again, given from what that command recorded; a key seen with another request is refused.
    /// </summary>
    public async Task<IResult> SendAsync<TCommand>(TCommand command, Func<CommandResult, Reply> reply, CancellationToken cancellationToken)
        where TCommand : notnull
    {
        var key = await IdempotencyKeys.OfAsync(Context, cancellationToken);
        if (key is not null && await KnownAsync(key, cancellationToken) is { } known)
            return known;
        try
        {
            using var pending = PendingReply.Begin(result => Stored(reply(result)));
            var result = await InvokeAsync(command, key, cancellationToken);
            // Refused on a state a concurrent request with the same key made: that request's answer is this one's too.
            if (result is CommandResult.Rejected && key is not null && await KnownAsync(key, cancellationToken) is { } first)
                return first;
            return ToResult(reply(result));
        }
        catch (DocumentAlreadyExistsException) when (key is not null)
        {
            // A concurrent request with the same key committed first: answer as it was answered.
            return await KnownAsync(key, cancellationToken)
                ?? throw new InvalidOperationException("The idempotency record that refused this request is gone.");
        }
    }

    /// <summary>Has Wolverine run the command, without an idempotency key, and gives its result as it is.</summary>
    public Task<CommandResult> InvokeAsync<TCommand>(TCommand command, CancellationToken cancellationToken) where TCommand : notnull =>
        InvokeInAsync(user.ClinicId, command, cancellationToken);

    /// <summary>
    /// As <see cref="InvokeAsync{TCommand}(TCommand, CancellationToken)"/>, in <paramref name="clinicId"/>: one of the
    /// clinics the caller reads, for a request that reads several.
    /// </summary>
    public Task<CommandResult> InvokeInAsync<TCommand>(string clinicId, TCommand command, CancellationToken cancellationToken) where TCommand : notnull =>
        user.ReadableClinics.Contains(clinicId)
            ? InvokeAsync(command, clinicId, idempotency: null, cancellationToken)
            : throw new InvalidOperationException("A command in a clinic the caller may not read.");

    private Task<CommandResult> InvokeAsync(object command, IdempotencyKey? idempotency, CancellationToken cancellationToken) =>
        InvokeAsync(command, user.ClinicId, idempotency, cancellationToken);

    private async Task<CommandResult> InvokeAsync(object command, string clinicId, IdempotencyKey? idempotency, CancellationToken cancellationToken)
    {
        await partitions.EnsureAsync(clinicId, cancellationToken);
        return await bus.InvokeAsync<CommandResult>(command,
            CommandCaller.Options(clinicId, user.UserId, user.Role, CorrelationId.Of(Context), idempotency), cancellationToken);
    }

    private Task<IResult?> KnownAsync(IdempotencyKey key, CancellationToken cancellationToken) =>
        IdempotentReplies.KnownAsync(store, reads.Session, key, clock.GetUtcNow(), cancellationToken);

    private IdempotentReply Stored(Reply reply) =>
        new(reply.Status, reply.Location, JsonSerializer.Serialize(reply.Body, reply.Body.GetType(), json.Value.SerializerOptions));

    private static IResult ToResult(Reply reply) => reply.Body switch
    {
        ProblemDetails problem => Results.Problem(problem),
        _ when reply.Location is not null => Results.Created(reply.Location, reply.Body),
        _ => Results.Json(reply.Body, statusCode: reply.Status),
    };
}
