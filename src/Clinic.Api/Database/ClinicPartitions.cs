using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Clinic.Api.Hosting;
using Marten;

namespace Clinic.Api.Database;

/// <summary>
/// With <c>Clinic:EventStore:PartitionByTenant</c>, a clinic's events can only be appended once its partitions exist
/// (Marten refuses otherwise: <c>MT002 Tenant '…' has no registered partition</c>). The first command of a clinic on a
/// node registers them (idempotent, so another node having done it already is harmless) and guards the new event
/// partition as the parent is guarded; later commands find the clinic in this node's memory.
/// </summary>
public sealed class ClinicPartitions(IDocumentStore store, ClinicServices services)
{
    /// <summary>Room left in a partition suffix for the clinic's readable part (PostgreSQL truncates names past 63 bytes).</summary>
    private const int ReadablePartLength = 24;

    private readonly ConcurrentDictionary<string, Lazy<Task>> _registered = new();

    /// <summary>Makes sure <paramref name="clinicId"/>'s event partitions exist before its first append; nothing when events are not partitioned.</summary>
    public async Task EnsureAsync(string clinicId, CancellationToken cancellationToken)
    {
        if (!services.PartitionByTenant)
            return;
        var registration = _registered.GetOrAdd(clinicId, clinic => new Lazy<Task>(() => RegisterAsync(clinic)));
        try
        {
            await registration.Value.WaitAsync(cancellationToken);
        }
        catch when (registration.Value.IsFaulted)
        {
            _registered.TryRemove(new KeyValuePair<string, Lazy<Task>>(clinicId, registration));
            throw;
        }
    }

    /// <summary>
    /// The partition suffix of <paramref name="clinicId"/>: its letters and digits (others as <c>_</c>), lower case, cut to
    /// a length that keeps <c>mt_events_sequence_{suffix}</c> a whole PostgreSQL name, then a hash of the whole id, so two
    /// clinics whose ids differ only in what was replaced or cut get partitions of their own.
    /// </summary>
    public static string SuffixOf(string clinicId)
    {
        var readable = new string(clinicId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clinicId)))[..8];
        return $"{readable[..Math.Min(readable.Length, ReadablePartLength)]}_{hash}";
    }

    private async Task RegisterAsync(string clinicId)
    {
        await store.Advanced.AddMartenManagedTenantsAsync(CancellationToken.None, new Dictionary<string, string> { [clinicId] = SuffixOf(clinicId) });
        await using var command = services.DataSource.CreateCommand(AppendOnlyEventsGuard.GuardEveryPartition(services.Schema));
        await command.ExecuteNonQueryAsync();
    }
}
