using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Api.History;

/// <summary><see cref="Identity"/> is null once the patient is <see cref="Erased"/>; her clinical facts stay.</summary>
public sealed record PatientHistoryResponse(
    Guid PatientId, DateTimeOffset AsOf, long Version, PatientDetails? Identity, bool Erased, PatientStatus Status, IReadOnlyList<TimelineEntry> Timeline)
{
    public static PatientHistoryResponse From(PatientHistory history, IReadOnlyList<TimelineEntry> timeline, ClinicPolicy policy, DateTimeOffset asOf) => new(
        history.Id, asOf, history.Version, history.Record.Details, history.Record.IsErased, PatientStatus.Of(history.Record, policy, asOf), timeline);
}
