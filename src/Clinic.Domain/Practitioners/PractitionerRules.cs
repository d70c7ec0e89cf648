using Clinic.Domain.Common;
using Clinic.Domain.Sessions;

namespace Clinic.Domain.Practitioners;

internal static class PractitionerRules
{
    public static Refusal? CheckRegistered(PractitionerState state, Guid practitionerId) =>
        Check.That(state.IsRegistered && state.PractitionerId == practitionerId,
            RefusalCodes.PractitionerNotFound, $"Practitioner {practitionerId} is not registered.");

    public static Refusal? Validate(PractitionerDetails details) =>
        Check.NotBlank(details.Name, RefusalCodes.InvalidPractitioner, "The practitioner's name")
        ?? Check.Defined(details.Profession, RefusalCodes.InvalidPractitioner, "Profession")
        ?? Check.NotBlank(details.LicenceNumber, RefusalCodes.InvalidPractitioner, "The licence number")
        ?? Check.NotBlank(details.UserId, RefusalCodes.InvalidPractitioner, "The practitioner's user id");

    /// <summary>
    /// A session is recorded, or its record corrected, by the user its practitioner is linked to
    /// (<paramref name="practitionerUserId"/>), or by a clinician (issue 13).
    /// </summary>
    public static Refusal? CheckRecorder(string? practitionerUserId, SessionRecorder recorder) =>
        Check.That(recorder.IsClinician || (practitionerUserId is not null && practitionerUserId == recorder.UserId),
            RefusalCodes.NotBookedPractitioner,
            "Only the booked practitioner or a clinician records a session performed.");

    /// <summary>Only a practitioner with a current licence performs a session (primer 002).</summary>
    public static Refusal? CheckLicensedOn(PractitionerState state, Guid practitionerId, DateOnly date) =>
        CheckRegistered(state, practitionerId)
        ?? Check.That(state.IsLicensedOn(date), RefusalCodes.LicenceExpired,
            $"The practitioner's licence expires on {state.Details?.LicenceExpiresOn:yyyy-MM-dd}, before {date:yyyy-MM-dd}.");

    /// <summary>A practitioner cannot be in two sessions at once (primer 002).</summary>
    public static Refusal? CheckFree(PractitionerState state, Guid sessionId, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        state.BookingOverlapping(startsAt, endsAt, sessionId) is { } clash
            ? new Refusal(RefusalCodes.PractitionerBusy,
                $"The practitioner is booked for session {clash.SessionId} from {clash.StartsAt:O} to {clash.EndsAt:O}.")
            : null;
}
