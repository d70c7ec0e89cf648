using Clinic.Domain.Sessions;

namespace Clinic.Api.Corrections;

/// <summary>
/// Who corrects: <see cref="ClinicianId"/> is the caller when a clinician (some corrections only a clinician makes),
/// <see cref="Recorder"/> the caller as a session's recorder, and <see cref="SessionPractitionerUserId"/> the user the
/// corrected session's practitioner is linked to (null for other records).
/// </summary>
public sealed record CorrectionCaller(string? ClinicianId, SessionRecorder Recorder, string? SessionPractitionerUserId);
