using System.Security.Cryptography;
using System.Text;

namespace Clinic.Api.Notifications;

/// <summary>
/// How a webhook proves it comes from us: HMAC-SHA256, keyed with the subscriber's secret, over
/// "{timestamp}.{body}". Receivers recompute it, compare in constant time, and reject old timestamps.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Clinic-Timestamp";
    public const string SignatureHeader = "X-Clinic-Signature";
    public const string MessageIdHeader = "X-Clinic-Message-Id";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    public static bool IsValid(string secret, long timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
