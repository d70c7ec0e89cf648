using System.Text.Json;
using Clinic.Domain.ClinicPolicies;

namespace Clinic.Api.Corrections;

/// <summary>Correct the fact that event <paramref name="EventId"/> of a patient's or practitioner's stream recorded.</summary>
internal sealed record CorrectRecord(string StreamType, Guid StreamId, Guid EventId, string Reason, JsonElement Values, ClinicPolicy Policy);
