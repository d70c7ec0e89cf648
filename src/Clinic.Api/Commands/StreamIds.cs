using System.Security.Cryptography;
using System.Text;

namespace Clinic.Api.Commands;

/// <summary>Ids of streams named by something other than a Guid: the same name always gives the same stream.</summary>
internal static class StreamIds
{
    public static Guid ForClinic(string clinicId) => FromName("clinic:" + clinicId);

    public static Guid ForAccessLog(string clinicId, string viewerId, DateOnly day) => FromName($"access-log:{clinicId}:{viewerId}:{day:yyyy-MM-dd}");

    private static Guid FromName(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
