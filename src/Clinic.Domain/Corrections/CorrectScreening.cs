using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;

namespace Clinic.Domain.Corrections;

/// <summary>Corrects a screening's date or answers; the outcome is evaluated again from the corrected values.</summary>
public sealed record CorrectScreening(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid ScreeningId,
    DateOnly ScreenedOn,
    ScreeningAnswers Answers,
    ClinicPolicy Policy,
    DateTimeOffset RecordedAt) : IPatientCommand, ICorrection;
