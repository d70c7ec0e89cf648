using Clinic.Api.Problems;
using Clinic.Domain.Common;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Http;

/// <summary>Maps a command's result to HTTP: the events it appended to a response, or its refusal to a problem.</summary>
internal static class CommandResults
{
    public static IResult Created(this CommandResult result, string location, Func<IReadOnlyList<IDomainEvent>, object> response) =>
        result switch
        {
            CommandResult.Accepted accepted => Results.Created(location, response(Events(accepted))),
            CommandResult.Rejected rejected => Problem(rejected),
            _ => throw new ArgumentOutOfRangeException(nameof(result)),
        };

    public static IResult Created(this CommandResult result, string location, Guid id) =>
        result.Created(location, _ => new CreatedResponse(id));

    public static IResult Ok(this CommandResult result) =>
        result switch
        {
            CommandResult.Accepted accepted => Results.Ok(new AcceptedResponse(Events(accepted).Select(EventCatalog.NameOf).ToList())),
            CommandResult.Rejected rejected => Problem(rejected),
            _ => throw new ArgumentOutOfRangeException(nameof(result)),
        };

    public static IResult Problem(CommandResult.Rejected rejected) =>
        Problem(RefusalStatus.Of(rejected.Code), rejected.Code, rejected.Detail);

    public static IResult Problem(int status, string code, string detail) =>
        Results.Problem(ProblemFactory.Create(status, Titles.GetValueOrDefault(status, "The request was refused."), code, detail));

    private static IReadOnlyList<IDomainEvent> Events(CommandResult.Accepted accepted) =>
        (IReadOnlyList<IDomainEvent>?)accepted.Response ?? [];

    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status404NotFound] = "Not found.",
        [StatusCodes.Status409Conflict] = "The command conflicts with the current state.",
        [StatusCodes.Status422UnprocessableEntity] = "A clinical or business rule refused the command.",
        [StatusCodes.Status403Forbidden] = "Not allowed for this role.",
        [StatusCodes.Status400BadRequest] = "The request is malformed.",
    };
}

internal sealed record CreatedResponse(Guid Id);

/// <summary>What a command that creates nothing returns: the names of the events it recorded.</summary>
internal sealed record AcceptedResponse(IReadOnlyList<string> Recorded);
