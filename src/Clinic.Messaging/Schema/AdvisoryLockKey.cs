using System.Text;

namespace Clinic.Messaging.Schema;

/// <summary>A stable 64-bit key for pg_advisory_lock from a name (FNV-1a), the same on every node.</summary>
internal static class AdvisoryLockKey
{
    public static long For(string name)
    {
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= prime;
        }
        return unchecked((long)hash);
    }
}
