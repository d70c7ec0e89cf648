namespace Clinic.Api.Demo.Group;

/// <summary>
/// What <see cref="GroupSeeder"/> writes: <paramref name="Clinics"/> clinics (<c>clinic-01</c>...) of
/// <paramref name="PatientsPerClinic"/> patients each, with <paramref name="Years"/> years of history up to
/// <paramref name="Now"/>, the same for the same <paramref name="RandomSeed"/> and now. Each clinic is written by one of
/// <paramref name="Writers"/> writers, <paramref name="PatientsPerTransaction"/> patients a transaction.
/// </summary>
public sealed record GroupPlan(
    int Clinics,
    int PatientsPerClinic,
    DateTimeOffset Now,
    int Years = 5,
    int RandomSeed = 1,
    int PatientsPerTransaction = 100,
    int Writers = 2)
{
    public IReadOnlyList<string> ClinicIds => [.. Enumerable.Range(1, Clinics).Select(ClinicId)];

    public static string ClinicId(int number) => $"clinic-{number:00}";
}

/// <summary>How far a group seed has come, and what it has cost so far.</summary>
public sealed record GroupSeedProgress(long EventsWritten, long PatientsDone, long PatientsPlanned, TimeSpan Elapsed, long WorkingSetBytes, long PeakWorkingSetBytes)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? EventsWritten / Elapsed.TotalSeconds : 0;

    public override string ToString() =>
        $"{EventsWritten:N0} events, {EventsPerSecond:N0} events/s, {PatientsDone:N0}/{PatientsPlanned:N0} patients, "
        + $"{Elapsed.TotalSeconds:N0} s, working set {WorkingSetBytes / (1024 * 1024):N0} MB (peak {PeakWorkingSetBytes / (1024 * 1024):N0} MB)";
}
