namespace Clinic.LocalCluster;

/// <summary>Whether a process lives, as Linux's /proc tells it (the server programs run on Linux only: runuser, Debian's layout).</summary>
internal static class ProcessTable
{
    /// <summary>
    /// Whether process <paramref name="pid"/> exists, runs <paramref name="command"/> (a pid reused by another program does not
    /// count) and has not ended: a zombie, dead but not yet reaped by its parent, does not count either.
    /// </summary>
    public static bool IsAlive(int pid, string command)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false; // no such process
        }
        // "pid (command) state ...": the command may itself hold spaces or parentheses, so it is read up to the last ')'.
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= stat.Length)
            return false;
        var state = stat[close + 2];
        return stat[(open + 1)..close] == command && state is not ('Z' or 'X');
    }
}
