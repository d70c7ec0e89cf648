using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.AllergyTests;

internal static class AllergyTestDecisions
{
    public static Decision Record(RecordAllergyTest command, PatientState state) =>
        (Check.IsNew(state.FindAllergyTest(command.TestId), "Allergy test", command.TestId)
         ?? AllergyTestRules.ValidateApplication(command.Substances, command.AppliedAt, command.RecordedAt)
         ?? AllergyTestRules.CheckPatientReadyForDose(state, command.Substances, command.AppliedAt)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new AllergyTestApplied(command.PatientId, command.TestId, command.Substances, command.AppliedAt));

    public static Decision Read(ReadAllergyTest command, PatientState state)
    {
        var test = state.FindAllergyTest(command.TestId);
        if (test is null)
            return Decision.Refuse(AllergyTestRules.NotFound(command.TestId));
        return (CheckNotRead(test)
                ?? AllergyTestRules.ValidateReading(test, command.Reading, command.Policy, command.RecordedAt)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new AllergyTestRead(command.PatientId, command.TestId, command.Reading));
    }

    public static Decision FlagReadingDue(FlagAllergyReadingDue command, PatientState state)
    {
        var test = state.FindAllergyTest(command.TestId);
        if (test is null)
            return Decision.Refuse(AllergyTestRules.NotFound(command.TestId));
        return (CheckNotRead(test)
                ?? Check.That(command.AsOf >= test.ReadingDueAt, RefusalCodes.AllergyReadingNotDue,
                    $"The reading of allergy test {test.TestId} is due at {test.ReadingDueAt:O}.")
                ?? Check.That(!test.ReadingFlaggedDue, RefusalCodes.AllergyReadingAlreadyFlagged,
                    $"The reading of allergy test {test.TestId} was already flagged as due.")) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new AllergyReadingFellDue(command.PatientId, command.TestId, test.ReadingDueAt, command.AsOf));
    }

    private static Refusal? CheckNotRead(AllergyTest test) =>
        Check.That(!test.IsRead, RefusalCodes.AllergyTestAlreadyRead, $"Allergy test {test.TestId} has already been read.");
}
