namespace Clinic.Domain.TreatmentPlans;

/// <summary>
/// A clinician's decision that a plan departs from its indication's protocol, with the reason.
/// <see cref="ClinicianId"/> is null when whoever asked is not a clinician, which the rules refuse.
/// </summary>
public sealed record ProtocolDeviation(string Reason, string? ClinicianId);
