using System.Text.Json;
using Clinic.Domain.ClinicPolicies;

namespace Clinic.Api.Corrections;

/// <summary>
/// Correct the fact that event <paramref name="EventId"/> of a patient's or practitioner's stream recorded;
/// <paramref name="RecordedAt"/> is the caller's clock, so that no corrected fact happens later than now.
/// </summary>
public sealed record CorrectRecord(
    string StreamType, Guid StreamId, Guid EventId, string Reason, JsonElement Values, ClinicPolicy Policy, DateTimeOffset RecordedAt)
    : Messaging.IClinicMessage;
