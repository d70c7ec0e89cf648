using Clinic.Api.Auth;
using Clinic.Api.Corrections;
using Clinic.Domain.Common;

namespace Clinic.Api.Http;

/// <summary>
/// The HTTP status of every refusal code that is not a rule refusing the command (422): missing things 404, acts a
/// role may not do 403, conflicts with the current state 409, unreadable corrections 400. One typed table.
/// </summary>
internal static class RefusalStatus
{
    private static readonly Dictionary<string, int> Statuses = new()
    {
        [RefusalCodes.PatientNotFound] = StatusCodes.Status404NotFound,
        [RefusalCodes.PractitionerNotFound] = StatusCodes.Status404NotFound,
        [RefusalCodes.ScreeningNotFound] = StatusCodes.Status404NotFound,
        [RefusalCodes.ConsentNotFound] = StatusCodes.Status404NotFound,
        [RefusalCodes.AllergyTestNotFound] = StatusCodes.Status404NotFound,
        [RefusalCodes.PlanNotFound] = StatusCodes.Status404NotFound,
        [RefusalCodes.SessionNotFound] = StatusCodes.Status404NotFound,
        [RefusalCodes.SideEffectNotFound] = StatusCodes.Status404NotFound,
        [RefusalCodes.EventNotFound] = StatusCodes.Status404NotFound,
        // The API's own refusal of a role, the domain's refusal of an act only a clinician makes, and of a session
        // recorded by someone other than its practitioner or a clinician.
        [AuthProblems.Forbidden] = StatusCodes.Status403Forbidden,
        [RefusalCodes.ClinicianRequired] = StatusCodes.Status403Forbidden,
        [RefusalCodes.NotBookedPractitioner] = StatusCodes.Status403Forbidden,
        // A signature by someone other than the record's author, or without the printed name it shows.
        [RefusalCodes.NotPerformingPractitioner] = StatusCodes.Status403Forbidden,
        [RefusalCodes.NotReviewer] = StatusCodes.Status403Forbidden,
        [RefusalCodes.PrintedNameRequired] = StatusCodes.Status403Forbidden,
        [RefusalCodes.PractitionerBusy] = StatusCodes.Status409Conflict,
        [CorrectionRefusals.MalformedCorrection] = StatusCodes.Status400BadRequest,
    };

    public static int Of(string code) => Statuses.GetValueOrDefault(code, StatusCodes.Status422UnprocessableEntity);
}
