namespace Clinic.Benchmarks;

/// <summary>How much work each workload does: the full sizes, or a quick run that finishes in under a minute.</summary>
public sealed record BenchScale(
    string Name,
    int AppendStreams,
    int EventsPerStream,
    int CatchUpEvents,
    int Reads,
    int ReadStreams,
    int WarmupStreams,
    int CatchUpRounds,
    int HttpPatientsPerDesk,
    int HttpRounds,
    int HttpWarmUpRounds,
    int RecallSessions,
    int VerifyEvents,
    SeedGroup GrowthEmpty,
    SeedGroup GrowthFull,
    int GrowthReads,
    int GrowthWarmUpReads)
{
    public static readonly BenchScale Full = new("full", AppendStreams: 10_000, EventsPerStream: 10, CatchUpEvents: 100_000,
        Reads: 2_000, ReadStreams: 1_000, WarmupStreams: 500, CatchUpRounds: 5,
        HttpPatientsPerDesk: 16, HttpRounds: Http.BenchDesk.SessionsPerPlan, HttpWarmUpRounds: 3,
        RecallSessions: 300_000, VerifyEvents: 1_000_000,
        GrowthEmpty: new(Clinics: 1, PatientsPerClinic: 100), GrowthFull: new(Clinics: 20, PatientsPerClinic: 2_500), GrowthReads: 1_000, GrowthWarmUpReads: 500);

    public static readonly BenchScale Quick = new("quick", AppendStreams: 1_000, EventsPerStream: 10, CatchUpEvents: 20_000,
        Reads: 500, ReadStreams: 200, WarmupStreams: 100, CatchUpRounds: 1,
        HttpPatientsPerDesk: 4, HttpRounds: 4, HttpWarmUpRounds: 1,
        RecallSessions: 20_000, VerifyEvents: 50_000,
        GrowthEmpty: new(Clinics: 1, PatientsPerClinic: 100), GrowthFull: new(Clinics: 2, PatientsPerClinic: 200), GrowthReads: 200, GrowthWarmUpReads: 100);

    public long AppendEvents => (long)AppendStreams * EventsPerStream;
    public int CatchUpStreams => CatchUpEvents / EventsPerStream;
}

/// <summary>
/// A group of clinics as the demo generator fills it (about 20 events per patient: 20 x 2,500 is about 1M events). The
/// nearly empty database is one clinic of 100 patients, among whom the generator (seed 1) tells a long-treated patient's
/// story (179 events; among 50 none has more than 28), so the history row reads a like patient in both phases.
/// </summary>
public sealed record SeedGroup(int Clinics, int PatientsPerClinic)
{
    public const int EventsPerPatient = 20;

    public long Events => (long)Clinics * PatientsPerClinic * EventsPerPatient;
}
