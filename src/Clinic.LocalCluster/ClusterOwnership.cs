namespace Clinic.LocalCluster;

/// <summary>
/// Which process may stop the cluster in a folder: the one holding an exclusive lock on a file in it.
/// The operating system drops the lock when that process ends, however it ends, so a cluster left
/// running by a process that died is adopted by the next one, while a cluster whose starter still runs
/// (an API serving requests) is only borrowed by others (a CLI verb) and left running when they finish.
/// </summary>
internal sealed class ClusterOwnership : IDisposable
{
    private const string LockFileName = "clinic-owner.lock";

    private readonly FileStream _lock;

    private ClusterOwnership(FileStream lockFile) => _lock = lockFile;

    /// <summary>Takes the folder's ownership, or returns null when another process (or instance) holds it.</summary>
    public static ClusterOwnership? TryTake(string dataDirectory)
    {
        try
        {
            // FileShare.None is an exclusive flock() on Unix: a second open fails, even in this process.
            return new ClusterOwnership(new FileStream(
                Path.Combine(dataDirectory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (Exception held) when (held is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => _lock.Dispose();
}
