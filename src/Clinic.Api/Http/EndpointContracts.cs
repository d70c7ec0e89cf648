namespace Clinic.Api.Http;

/// <summary>
/// What an endpoint answers when it succeeds, declared next to its handler: the handlers return an
/// <see cref="IResult"/> (a replayed idempotent reply among them), from which the OpenAPI document cannot tell.
/// A command's declaration also marks it <see cref="CommandEndpoint"/>, from which the document derives the
/// refusals and headers every command has.
/// </summary>
internal static class EndpointContracts
{
    /// <summary>A command that creates something: 201 with <typeparamref name="TResponse"/> and a <c>Location</c>.</summary>
    public static RouteHandlerBuilder Creates<TResponse>(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(CommandEndpoint.Instance).Produces<TResponse>(StatusCodes.Status201Created);

    /// <summary>A command on something that exists: 200 with the names of the events it recorded.</summary>
    public static RouteHandlerBuilder Records(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(CommandEndpoint.Instance).Produces<AcceptedResponse>(StatusCodes.Status200OK);

    /// <summary>Anything else: 200 with <typeparamref name="TResponse"/>.</summary>
    public static RouteHandlerBuilder Returns<TResponse>(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<TResponse>(StatusCodes.Status200OK);
}

/// <summary>
/// Marks an endpoint that sends a command through Wolverine: it honours an <c>Idempotency-Key</c>, and may be
/// refused by a rule (422) or lose to a concurrent change (409).
/// </summary>
internal sealed class CommandEndpoint
{
    public static CommandEndpoint Instance { get; } = new();

    private CommandEndpoint()
    {
    }
}
