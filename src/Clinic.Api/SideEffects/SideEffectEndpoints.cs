using Clinic.Api.Signatures;

namespace Clinic.Api.SideEffects;

internal static class SideEffectEndpoints
{
    public static void MapSideEffects(this RouteGroupBuilder patients)
    {
        var sideEffects = patients.MapGroup("/{patientId}/side-effects").WithTags("Side effects");
        sideEffects.MapReportSideEffect();
        sideEffects.MapResolveSideEffect();
        sideEffects.MapReviewSideEffect();
        sideEffects.MapRecordRegulatorNotification();
        sideEffects.MapSignSideEffectReview();
        sideEffects.MapGetSideEffectReviewSignature();
    }
}
