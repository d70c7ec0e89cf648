using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;

namespace Clinic.Domain.Signatures;

/// <summary>
/// The canonical content of a signed record and its SHA-256 (lowercase hex): one JSON object, UTF-8, no whitespace,
/// members in the order written here, nulls written, lists in the order recorded, enums by their names, instants in UTC
/// (<c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>), decimals without trailing zeros, strings escaped as System.Text.Json's default
/// encoder does. Its first member, <c>record</c>, names the kind and version of the form, so that another form would be
/// another name. docs/security.md lists the members.
/// </summary>
public static class SignedContent
{
    /// <summary>
    /// The performed record of a session after every correction: what was done, where, with what, when and by whom;
    /// null while the session has no performed record.
    /// </summary>
    public static string? HashOf(Guid patientId, Session session) =>
        session is { PerformedAt: { } performedAt, Treatment: { } treatment } ? Hash(json =>
        {
            json.WriteString("record", "session-performed.v1");
            json.WriteString("patientId", patientId);
            json.WriteString("sessionId", session.SessionId);
            json.WriteString("planId", session.PlanId);
            json.WriteString("practitionerId", session.PractitionerId);
            json.WriteString("performedAt", Instant(performedAt));
            WriteTreatment(json, treatment);
        }) : null;

    /// <summary>
    /// A clinician's review of a side effect after every correction: the decision, its notes, who and when; null while
    /// the side effect has no review (never reviewed, or its review reopened by a graver correction).
    /// </summary>
    public static string? HashOf(Guid patientId, SideEffect sideEffect) =>
        sideEffect.Review is { } review ? Hash(json =>
        {
            json.WriteString("record", "side-effect-review.v1");
            json.WriteString("patientId", patientId);
            json.WriteString("sideEffectId", review.SideEffectId);
            json.WriteString("decision", review.Decision.ToString());
            json.WriteString("notes", review.Notes);
            json.WriteString("reviewedBy", review.ReviewedBy);
            json.WriteString("reviewedAt", Instant(review.ReviewedAt));
        }) : null;

    private static void WriteTreatment(Utf8JsonWriter json, PerformedTreatment treatment)
    {
        json.WriteStartArray("products");
        foreach (var product in treatment.Products)
        {
            json.WriteStartObject();
            json.WriteString("name", product.Name);
            json.WriteString("lotNumber", product.LotNumber);
            json.WriteNumber("volumeMl", WithoutTrailingZeros(product.VolumeMl));
            WriteStrings(json, "substances", product.Substances);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (treatment.Delivery is { } delivery)
        {
            json.WriteStartObject("delivery");
            json.WriteString("method", delivery.Method.ToString());
            json.WriteString("device", delivery.Device.ToString());
            json.WriteEndObject();
        }
        else
            json.WriteNull("delivery");
        if (treatment.DepthMm is { } depth)
            json.WriteNumber("depthMm", WithoutTrailingZeros(depth));
        else
            json.WriteNull("depthMm");
        json.WriteString("technique", treatment.Technique.ToString());
        WriteStrings(json, "areas", treatment.Areas.Select(area => area.ToString()));
        json.WriteBoolean("anestheticCream", treatment.AnestheticCream);
        json.WriteString("anestheticAppliedAt", treatment.AnestheticAppliedAt is { } applied ? Instant(applied) : null);
        json.WriteNumber("durationMinutes", treatment.DurationMinutes);
        if (treatment.Aftercare is { } aftercare)
            WriteStrings(json, "aftercare", aftercare.Select(instruction => instruction.ToString()));
        else
            json.WriteNull("aftercare");
        json.WriteBoolean("noRecentAntiInflammatoriesConfirmed", treatment.NoRecentAntiInflammatoriesConfirmed);
        if (treatment.Deviation is { } deviation)
        {
            json.WriteStartObject("deviation");
            json.WriteString("reason", deviation.Reason);
            json.WriteString("clinicianId", deviation.ClinicianId);
            json.WriteEndObject();
        }
        else
            json.WriteNull("deviation");
        json.WriteString("notes", treatment.Notes);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static string Hash(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            writeMembers(json);
            json.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>2.0 and 2 are one depth: the scale a value was written with is no part of the record.</summary>
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;
}
