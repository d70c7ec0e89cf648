using Clinic.Domain.Patients;

namespace Clinic.Api.History;

/// <summary>A patient's record as of <see cref="Version"/>: the folded clinical state and the timeline of everything recorded.</summary>
public sealed record PatientHistory(Guid Id, long Version, PatientState Record, IReadOnlyList<TimelineEntry> Timeline);
