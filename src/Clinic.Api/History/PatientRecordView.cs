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
    /// <remarks>
    /// The look is recorded while the record is read, on a connection of its own, and committed before anything is
    /// shown: a request waits for the longer of the two instead of their sum. So a look for a patient who turns out not
    /// to be there is recorded too: an attempt to read her record, which the access log is for as much as a read.
    /// </remarks>
    public static async Task<IResult> ShowAsync(
        this ClinicReads reads, Guid patientId, DateTimeOffset? asOf, string resource, PersonalKeys keys, AccessLog accessLog,
        Func<PatientHistory, IReadOnlyList<TimelineEntry>, ClinicPolicy, Task<IResult>> show, CancellationToken ct)
    {
        var recording = accessLog.RecordViewAsync(resource, patientId, ct);
        var reading = ReadAsync(reads, patientId, asOf, keys, ct);
        await Task.WhenAll(recording, reading);
        var (history, timeline, policy) = await reading;
        if (history?.Record is not ({ IsRegistered: true } or { IsErased: true }))
            return CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.PatientNotFound,
                asOf is null ? $"No patient {patientId} in this clinic." : $"No patient {patientId} in this clinic as of {asOf:u}.");

        return await show(history, PatientTimeline.Of(history, timeline, asOf), policy);
    }

    private static async Task<(PatientHistory? State, IReadOnlyList<TimelineDocument> Timeline, ClinicPolicy Policy)> ReadAsync(
        ClinicReads reads, Guid patientId, DateTimeOffset? asOf, PersonalKeys keys, CancellationToken ct)
    {
        await keys.PreloadAsync([patientId], ct);
        return await reads.Session.ReadHistoryAsync(patientId, asOf, ct);
    }
}
