using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Common;

namespace Clinic.Api.Corrections;

internal static class CorrectionEndpoints
{
    public static void MapCorrections(this RouteGroupBuilder api)
    {
        api.MapPost("/patients/{patientId}/corrections", (Guid patientId, CorrectionRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            CorrectAsync(StreamTypes.Patient, patientId, body, reads, commands, clock, ct))
            .Creates<CorrectionResponse>().WithTags("Corrections").RequireAuthorization(Permissions.RecordCare);

        api.MapPost("/practitioners/{practitionerId}/corrections", (Guid practitionerId, CorrectionRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            CorrectAsync(StreamTypes.Practitioner, practitionerId, body, reads, commands, clock, ct))
            .Creates<CorrectionResponse>().WithTags("Corrections").RequireAuthorization(Permissions.ManagePractitioners);
    }

    private static async Task<IResult> CorrectAsync(
        string streamType, Guid streamId, CorrectionRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct)
    {
        var command = new CorrectRecord(streamType, streamId, body.EventId, body.Reason, body.Values, await reads.PolicyAsync(ct), clock.GetUtcNow());
        var location = streamType == StreamTypes.Patient ? $"/api/patients/{streamId}/history" : $"/api/practitioners/{streamId}/schedule";
        return await commands.SendAsync(command,
            r => r.Created(location, events => new CorrectionResponse(body.EventId, events.Select(EventCatalog.NameOf).ToList())), ct);
    }
}

public sealed record CorrectionResponse(Guid Corrects, IReadOnlyList<string> Recorded);
