using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

/// <summary>
/// <see cref="ReadingDueAt"/> is when the reading still awaited falls due from the corrected dose; null when the test
/// was already read or its reading already flagged due, so that nothing is left to time.
/// </summary>
public sealed record AllergyTestApplicationCorrected(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid TestId,
    IReadOnlyList<string> Substances,
    DateTimeOffset AppliedAt,
    DateTimeOffset? ReadingDueAt) : IPatientEvent, ICorrection;
