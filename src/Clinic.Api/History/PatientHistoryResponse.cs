using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Api.History;

public sealed record PatientHistoryResponse(
    Guid PatientId, DateTimeOffset AsOf, long Version, PatientDetails Identity, PatientStatus Status, IReadOnlyList<TimelineEntry> Timeline)
{
    public static PatientHistoryResponse From(PatientHistory history, IReadOnlyList<TimelineEntry> timeline, ClinicPolicy policy, DateTimeOffset asOf) => new(
        history.Id, asOf, history.Version, history.Record.Details!, PatientStatus.Of(history.Record, policy, asOf), timeline);
}
