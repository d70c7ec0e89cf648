namespace Clinic.Api.Http;

/// <summary>The HTTP status of a refusal code: a role not allowed is 403, unknown things 404, conflicts 409, every other rule 422.</summary>
internal static class RefusalStatus
{
    private static readonly HashSet<string> Conflicts = [Domain.Common.RefusalCodes.PractitionerBusy];

    /// <summary>
    /// The API's own refusal of a role, the domain's refusal of an act only a clinician makes, and of a session recorded
    /// by someone other than its practitioner or a clinician.
    /// </summary>
    private static readonly HashSet<string> RolesNotAllowed =
        [Auth.AuthProblems.Forbidden, Domain.Common.RefusalCodes.ClinicianRequired, Domain.Common.RefusalCodes.NotBookedPractitioner];

    public static int Of(string code) =>
        code.StartsWith("malformed-", StringComparison.Ordinal) ? StatusCodes.Status400BadRequest
        : RolesNotAllowed.Contains(code) ? StatusCodes.Status403Forbidden
        : code.EndsWith("-not-found", StringComparison.Ordinal) ? StatusCodes.Status404NotFound
        : Conflicts.Contains(code) ? StatusCodes.Status409Conflict
        : StatusCodes.Status422UnprocessableEntity;
}
