using Clinic.Benchmarks.Http;

namespace Clinic.Benchmarks.Growth;

/// <summary>
/// One of the growth run's two databases (nearly empty, or filled) as its rows meet it: the API serving it, what is read
/// there, and the figures measured on it.
/// </summary>
public sealed class GrowthSide : IDisposable
{
    private readonly HttpClient _clinician;
    private readonly HttpClient _admin;

    public GrowthSide(BenchApi api, GrowthSubjects subjects, List<GrowthFigure> figures)
    {
        Api = api;
        Subjects = subjects;
        Figures = figures;
        _clinician = api.Client("clinician", "growth-clinician");
        _admin = api.Client("clinic-admin", "growth-admin");
        Reads =
        [
            new(_clinician, $"/api/patients/{subjects.Patient}/history",
                $"GET /api/patients/{{id}}/history, patient with ~{GrowthSubjects.PatientEvents} events", TargetP99: 5),
            new(_admin, $"/api/audit?after={subjects.TrailMiddle}", "GET /api/audit, a page from the middle of the clinic's trail", TargetP99: 20),
            new(_admin, $"/api/audit?after={subjects.PatientTrailMiddle}&patientId={subjects.Patient}",
                "GET /api/audit, a page from the middle of the patient's trail", TargetP99: 20),
            new(_admin, $"/api/audit?after={subjects.ActorTrailMiddle}&actor={Uri.EscapeDataString(subjects.Actor)}",
                "GET /api/audit, a page from the middle of the busiest actor's trail", TargetP99: 20),
            new(_admin, "/api/dashboard", "GET /api/dashboard", TargetP99: 10),
            new(_clinician, $"/api/lots/{Uri.EscapeDataString(subjects.Lot)}/recipients", "GET /api/lots/{lot}/recipients, a lot of median use", TargetP99: null),
        ];
    }

    public BenchApi Api { get; }
    public GrowthSubjects Subjects { get; }
    public List<GrowthFigure> Figures { get; }

    /// <summary>The growth rows' GETs, in the same order on both databases.</summary>
    public IReadOnlyList<GrowthRead> Reads { get; }

    public void Dispose()
    {
        _clinician.Dispose();
        _admin.Dispose();
    }
}

/// <summary>A GET of the growth rows: who sends it, its path, its row's name and the p99 the issue sets for it.</summary>
public sealed record GrowthRead(HttpClient Client, string Path, string Row, double? TargetP99);
