using Clinic.Domain.Patients;

namespace Clinic.Api.History;

/// <summary>
/// A patient's clinical state as of <see cref="Version"/>: what every command on the patient decides on. The timeline of
/// what was recorded is kept apart (<see cref="TimelineDocument"/>), so a command reads and writes the state only.
/// </summary>
public sealed record PatientHistory(Guid Id, long Version, PatientState Record);
