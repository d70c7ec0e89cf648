using Clinic.Domain.Common;

namespace Clinic.Domain.Patients;

internal static class PatientRules
{
    /// <summary>Older than anyone has lived (122 years): a date of birth further back is a typing mistake.</summary>
    public const int MaximumAgeYears = 130;

    public static Refusal? CheckRegistered(PatientState state, Guid patientId) =>
        Check.That(state.IsRegistered && state.PatientId == patientId,
            RefusalCodes.PatientNotFound, $"Patient {patientId} is not registered.");

    /// <summary><paramref name="now"/> is the caller's clock: nobody is registered before they are born.</summary>
    public static Refusal? Validate(PatientDetails details, DateTimeOffset now) =>
        Check.NotBlank(details.FirstName, RefusalCodes.InvalidPatient, "The first name")
        ?? Check.NotBlank(details.LastName, RefusalCodes.InvalidPatient, "The last name")
        ?? Check.Defined(details.Sex, RefusalCodes.InvalidPatient, "Sex")
        ?? Check.That(details.Phone is null || !string.IsNullOrWhiteSpace(details.Phone), RefusalCodes.InvalidPatient,
            "A phone number, when given, cannot be blank.")
        ?? Check.That(details.Email is null || LooksLikeEmail(details.Email), RefusalCodes.InvalidPatient,
            $"'{details.Email}' is not an email address.")
        ?? CheckDateOfBirth(details.DateOfBirth, now);

    private static Refusal? CheckDateOfBirth(DateOnly dateOfBirth, DateTimeOffset now)
    {
        var earliest = CalendarDates.LatestDateAt(now).AddYears(-MaximumAgeYears);
        return Check.That(dateOfBirth >= earliest, RefusalCodes.ImplausibleDateOfBirth,
                $"A date of birth before {earliest:yyyy-MM-dd} ({MaximumAgeYears} years ago) is not plausible (was {dateOfBirth:yyyy-MM-dd}).")
            ?? Check.NotInFuture(dateOfBirth, now, "The date of birth");
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }
}
