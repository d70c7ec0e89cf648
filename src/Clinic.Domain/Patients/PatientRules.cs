using Clinic.Domain.Common;

namespace Clinic.Domain.Patients;

internal static class PatientRules
{
    public static Refusal? CheckRegistered(PatientState state, Guid patientId) =>
        Check.That(state.IsRegistered && state.PatientId == patientId,
            RefusalCodes.PatientNotFound, $"Patient {patientId} is not registered.");

    public static Refusal? Validate(PatientDetails details) =>
        Check.NotBlank(details.FirstName, RefusalCodes.InvalidPatient, "The first name")
        ?? Check.NotBlank(details.LastName, RefusalCodes.InvalidPatient, "The last name")
        ?? Check.Defined(details.Sex, RefusalCodes.InvalidPatient, "Sex")
        ?? Check.That(details.Phone is null || !string.IsNullOrWhiteSpace(details.Phone), RefusalCodes.InvalidPatient,
            "A phone number, when given, cannot be blank.")
        ?? Check.That(details.Email is null || LooksLikeEmail(details.Email), RefusalCodes.InvalidPatient,
            $"'{details.Email}' is not an email address.");

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }
}
