namespace Clinic.Domain.Sessions;

/// <summary>
/// A clinician treated other areas, or with another technique, than the plan's, for <see cref="Reason"/>.
/// <see cref="ClinicianId"/> is null when whoever recorded it is not a clinician, which the rules refuse.
/// </summary>
public sealed record TreatmentDeviation(string Reason, string? ClinicianId);
