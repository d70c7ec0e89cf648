using Clinic.Domain.Screening;

namespace Clinic.Api.Screening;

public sealed record ScreeningResponse(Guid Id, ScreeningOutcome Outcome, IReadOnlyList<string> Reasons, DateOnly? DeferredUntil, DateOnly ValidUntil)
{
    public static ScreeningResponse From(PatientScreened screened) => new(
        screened.ScreeningId, screened.Assessment.Outcome, screened.Assessment.Reasons, screened.Assessment.DeferredUntil, screened.Assessment.ValidUntil);
}
