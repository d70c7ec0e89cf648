using Clinic.Domain.Common;

namespace Clinic.Domain.Corrections;

internal static class CorrectionRules
{
    public static Refusal? Validate(ICorrection correction) =>
        Check.That(correction.CorrectedEventId != Guid.Empty, RefusalCodes.EventNotFound,
            "A correction must name the event it corrects.")
        ?? Check.NotBlank(correction.Reason, RefusalCodes.ReasonRequired, "The reason for the correction");
}
