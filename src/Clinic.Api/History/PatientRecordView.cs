using Clinic.Api.Access;
using Clinic.Api.Http;
using Clinic.Api.Privacy;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;

namespace Clinic.Api.History;

/// <summary>The reads of a patient's whole record (her history, its FHIR export): each look is recorded before it is shown.</summary>
internal static class PatientRecordView
{
    /// <summary>What the access log calls a look at a patient's history.</summary>
    public const string HistoryResource = "patient-history";

    /// <summary>
    /// The patient's record now, or as it stood at <paramref name="asOf"/>, with its timeline, recorded in the access log
    /// as a look at <paramref name="resource"/> and then given to <paramref name="show"/> with the clinic's policy (read
    /// in the same round trip): 404 <c>patient-not-found</c> when there was no such patient then (an erased patient is
    /// still there).
    /// </summary>
    public static async Task<IResult> ShowAsync(
        this ClinicReads reads, Guid patientId, DateTimeOffset? asOf, string resource, PersonalKeys keys, AccessLog accessLog,
        Func<PatientHistory, IReadOnlyList<TimelineEntry>, ClinicPolicy, Task<IResult>> show, CancellationToken ct)
    {
        await keys.PreloadAsync([patientId], ct);
        var (history, timeline, policy) = await reads.Session.ReadHistoryAsync(patientId, asOf, ct);
        if (history?.Record is not ({ IsRegistered: true } or { IsErased: true }))
            return CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.PatientNotFound,
                asOf is null ? $"No patient {patientId} in this clinic." : $"No patient {patientId} in this clinic as of {asOf:u}.");

        await accessLog.RecordViewAsync(resource, patientId, ct);
        return await show(history, PatientTimeline.Of(history, timeline, asOf), policy);
    }
}
