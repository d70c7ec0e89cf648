using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Common;

namespace Clinic.Api.Corrections;

internal static class CorrectionEndpoints
{
    public static void MapCorrections(this RouteGroupBuilder api)
    {
        api.MapPost("/patients/{patientId}/corrections", (Guid patientId, CorrectionRequest body, ClinicRequest request, CancellationToken ct) =>
            CorrectAsync(StreamTypes.Patient, patientId, body, request, ct))
            .Creates<CorrectionResponse>().WithTags("Corrections").RequireAuthorization(Permissions.RecordCare);

        api.MapPost("/practitioners/{practitionerId}/corrections", (Guid practitionerId, CorrectionRequest body, ClinicRequest request, CancellationToken ct) =>
            CorrectAsync(StreamTypes.Practitioner, practitionerId, body, request, ct))
            .Creates<CorrectionResponse>().WithTags("Corrections").RequireAuthorization(Permissions.ManagePractitioners);
    }

    private static async Task<IResult> CorrectAsync(string streamType, Guid streamId, CorrectionRequest body, ClinicRequest request, CancellationToken ct)
    {
        var command = new CorrectRecord(streamType, streamId, body.EventId, body.Reason, body.Values, await request.PolicyAsync(ct), request.Now);
        var location = streamType == StreamTypes.Patient ? $"/api/patients/{streamId}/history" : $"/api/practitioners/{streamId}/schedule";
        return await request.SendAsync(command,
            r => r.Created(location, events => new CorrectionResponse(body.EventId, events.Select(EventCatalog.NameOf).ToList())), ct);
    }
}

public sealed record CorrectionResponse(Guid Corrects, IReadOnlyList<string> Recorded);
