using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Clinic.LocalCluster;

/// <summary>
/// Finds the installed PostgreSQL server programs (initdb, pg_ctl): those on PATH if they are version 15
/// or newer, else the newest installed version.
/// </summary>
public static partial class PostgresBinaries
{
    private const int OldestSupportedVersion = 15;

    private const string InstallHint =
        "PostgreSQL 15 or newer server binaries were not found on PATH or under /usr/lib/postgresql/*/bin. " +
        "Install them (Debian/Ubuntu: apt-get install postgresql) or give a connection string instead.";

    public static string FindDirectory() =>
        FindDirectory(Environment.GetEnvironmentVariable("PATH") ?? "", "/usr/lib/postgresql");

    internal static string FindDirectory(string searchPath, string installRoot)
    {
        var onPath = FindOnPath("pg_ctl", searchPath);
        if (onPath is not null && File.Exists(Path.Combine(onPath, "initdb")) && MajorVersion(onPath) >= OldestSupportedVersion)
            return onPath;

        var installed = InstalledVersionDirectories(installRoot).FirstOrDefault();
        return installed ?? throw new InvalidOperationException(InstallHint);
    }

    private static string? FindOnPath(string program, string path)
    {
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
                return Path.GetDirectoryName(ResolveLinks(candidate));
        }
        return null;
    }

    private static string ResolveLinks(string file) =>
        new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file;

    private static IEnumerable<string> InstalledVersionDirectories(string root)
    {
        if (!Directory.Exists(root))
            return [];
        return Directory.GetDirectories(root)
            .Select(dir => (Dir: dir, Version: decimal.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
            .Where(x => x.Version >= OldestSupportedVersion && File.Exists(Path.Combine(x.Dir, "bin", "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Dir, "bin"));
    }

    /// <summary>The major version <c>pg_ctl --version</c> reports ("pg_ctl (PostgreSQL) 16.4"), or null if it does not run.</summary>
    private static int? MajorVersion(string binDirectory)
    {
        var start = new ProcessStartInfo(Path.Combine(binDirectory, "pg_ctl"), "--version") { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var version = VersionLine().Match(output);
            return process.ExitCode == 0 && version.Success ? int.Parse(version.Groups[1].Value) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\(PostgreSQL\) (\d+)")]
    private static partial Regex VersionLine();
}
