using Clinic.Api.Problems;
using Clinic.Domain.Common;
using Clinic.Api.Commands;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Api.Http;

/// <summary>Maps a command's result to a reply: the events it appended to a response, or its refusal to a problem.</summary>
internal static class CommandResults
{
    public static Reply Created(this CommandResult result, string location, Func<IReadOnlyList<IDomainEvent>, object> response) =>
        result is CommandResult.Accepted accepted
            ? new Reply(StatusCodes.Status201Created, response(Events(accepted)), location)
            : Refused(result);

    public static Reply Created(this CommandResult result, string location, Guid id) =>
        result.Created(location, _ => new CreatedResponse(id));

    public static Reply Ok(this CommandResult result) =>
        result is CommandResult.Accepted accepted
            ? new Reply(StatusCodes.Status200OK, new AcceptedResponse(Events(accepted).Select(EventCatalog.NameOf).ToList()))
            : Refused(result);

    public static IResult Problem(int status, string code, string detail) => Results.Problem(ProblemDetails(status, code, detail));

    public static ProblemDetails ProblemDetails(int status, string code, string detail) =>
        ProblemFactory.Create(status, Titles.GetValueOrDefault(status, "The request was refused."), code, detail);

    private static Reply Refused(CommandResult result) => result switch
    {
        CommandResult.Rejected rejected => new Reply(RefusalStatus.Of(rejected.Code), ProblemDetails(RefusalStatus.Of(rejected.Code), rejected.Code, rejected.Detail)),
        _ => throw new ArgumentOutOfRangeException(nameof(result), "Only accepted and rejected results become replies."),
    };

    private static IReadOnlyList<IDomainEvent> Events(CommandResult.Accepted accepted) => accepted.Events;

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
