using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;

namespace Clinic.Api.Corrections;

/// <summary>
/// Corrects the fact recorded by event <see cref="EventId"/> (an id from the patient's timeline): <see cref="Values"/>
/// has the shape of the request that recorded it, with the right values.
/// </summary>
public sealed record CorrectionRequest
{
    public required Guid EventId { get; init; }
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }
    public required JsonElement Values { get; init; }
}

/// <summary>
/// Correct the fact that event <paramref name="EventId"/> of a patient's or practitioner's stream recorded;
/// <paramref name="RecordedAt"/> is the caller's clock, so that no corrected fact happens later than now.
/// </summary>
public sealed record CorrectRecord(
    string StreamType, Guid StreamId, Guid EventId, string Reason, JsonElement Values, ClinicPolicy Policy, DateTimeOffset RecordedAt)
    : Messaging.IClinicMessage;

public sealed record CorrectionResponse(Guid Corrects, IReadOnlyList<string> Recorded);

/// <summary>Corrections' one command, on a patient's record or a practitioner's: the whole capability.</summary>
internal static class CorrectRecordEndpoint
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
