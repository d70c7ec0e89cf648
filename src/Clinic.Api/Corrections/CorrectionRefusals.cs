using Clinic.Domain.Common;

namespace Clinic.Api.Corrections;

/// <summary>The API's own refusals of a correction, before the domain decides it.</summary>
public static class CorrectionRefusals
{
    /// <summary>The corrected values do not fit the record the corrected event made (HTTP 400).</summary>
    public const string MalformedCorrection = "malformed-correction";

    /// <summary>The event records nothing that is corrected (a correction itself of another kind, a reminder...).</summary>
    public const string NotCorrectable = "not-correctable";

    public static string NotFound(string streamType) => streamType switch
    {
        StreamTypes.Patient => RefusalCodes.PatientNotFound,
        StreamTypes.Practitioner => RefusalCodes.PractitionerNotFound,
        _ => throw new ArgumentOutOfRangeException(nameof(streamType), streamType, "Only patients' and practitioners' records are corrected."),
    };
}
