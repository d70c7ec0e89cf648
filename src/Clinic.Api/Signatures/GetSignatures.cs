using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.History;
using Clinic.Api.Http;
using Clinic.Api.Sessions;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Api.Signatures;

/// <summary>
/// A record's latest signature and whether it still signs the record: 404 <c>signature-not-found</c> while unsigned.
/// Reading it is a look at the patient's record, so the access log records it.
/// </summary>
internal static class GetSignatureEndpoints
{
    public const string SignatureNotFound = "signature-not-found";

    public static void MapGetSessionSignature(this RouteGroupBuilder sessions) =>
        sessions.MapGet("/{sessionId}/signature", async (Guid sessionId, ClinicReads reads, AccessLog accessLog, CancellationToken ct) =>
            await reads.Session.LoadAsync<SessionLocator>(sessionId, ct) is { } locator
            && await reads.Session.LoadAsync<PatientHistory>(locator.PatientId, ct) is { } history
            && history.Record.FindSession(sessionId) is { } session
                ? await LatestAsync(SignatureView.OfSession(history.Record, session), locator.PatientId, "session-signature", accessLog, ct)
                : CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.SessionNotFound, $"No session {sessionId} in this clinic."))
            .Returns<SignatureView>().RequireAuthorization(Permissions.ReadHistory);

    public static void MapGetSideEffectReviewSignature(this RouteGroupBuilder sideEffects) =>
        sideEffects.MapGet("/{sideEffectId}/review/signature", async (Guid patientId, Guid sideEffectId, ClinicReads reads, AccessLog accessLog, CancellationToken ct) =>
            await reads.Session.LoadAsync<PatientHistory>(patientId, ct) is not { Record: { IsRegistered: true } or { IsErased: true } } history
                ? CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.PatientNotFound, $"No patient {patientId} in this clinic.")
                : history.Record.FindSideEffect(sideEffectId) is { } sideEffect
                    ? await LatestAsync(SignatureView.OfReview(history.Record, sideEffect), patientId, "side-effect-review-signature", accessLog, ct)
                    : CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.SideEffectNotFound, $"No side effect {sideEffectId} in this patient's record."))
            .Returns<SignatureView>().RequireAuthorization(Permissions.ReadHistory);

    private static async Task<IResult> LatestAsync(
        IReadOnlyList<SignatureView> signatures, Guid patientId, string resource, AccessLog accessLog, CancellationToken ct)
    {
        if (signatures is not [.., var latest])
            return CommandResults.Problem(StatusCodes.Status404NotFound, SignatureNotFound, "The record has not been signed.");
        await accessLog.RecordViewAsync(resource, patientId, ct);
        return Results.Ok(latest);
    }
}
