using System.Net;

namespace Clinic.Benchmarks.Http;

/// <summary>A command a desk sends about one of its patients in a round, and the client (reception or practitioner) that sends it.</summary>
public delegate (HttpClient Client, CommandCall Call) DeskCommand(BenchDesk desk, int patient, int round);

/// <summary>
/// One of the concurrent clients: a practitioner's desk, with its own patients, so that desks never
/// contend for one record (contention is the concurrency tests' subject, not the benchmark's).
/// </summary>
public sealed class BenchDesk
{
    /// <summary>A neuralgia plan: the primer sets no session count for pain, so 15 weekly sessions follow the protocol.</summary>
    public const int SessionsPerPlan = 15;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private BenchDesk(int number, HttpClient reception, HttpClient practitioner, Guid practitionerId, IReadOnlyList<BenchPatient> patients)
    {
        Number = number;
        Reception = reception;
        Practitioner = practitioner;
        PractitionerId = practitionerId;
        Patients = patients;
    }

    public int Number { get; }
    public HttpClient Reception { get; }
    public HttpClient Practitioner { get; }
    public Guid PractitionerId { get; }
    public IReadOnlyList<BenchPatient> Patients { get; }

    /// <summary>Registers the desk's practitioner and gets <paramref name="patients"/> patients ready, through the API.</summary>
    public static async Task<BenchDesk> OpenAsync(BenchApi api, int number, int patients, CancellationToken cancellationToken)
    {
        using var admin = api.Client("clinic-admin", $"admin-{number}");
        var reception = api.Client("receptionist", $"reception-{number}");
        var practitionerUser = $"practitioner-{number}";
        var practitioner = api.Client("practitioner", practitionerUser);
        var practitionerId = await Call("/api/practitioners", new
        {
            name = $"Dr Desk {number}", profession = "dermatologist", licenceNumber = $"DERM-{number}", licenceExpiresOn = Today.AddYears(2),
            userId = practitionerUser,
        }).CreateAsync(admin, cancellationToken);
        var ready = new List<BenchPatient>();
        for (var i = 0; i < patients; i++)
            ready.Add(await PatientReadyAsync(reception, practitioner, $"{number}-{i}", cancellationToken));
        return new BenchDesk(number, reception, practitioner, practitionerId, ready);
    }

    /// <summary>The reception books the patient's session of the round.</summary>
    public static readonly DeskCommand Schedule = (desk, patient, round) => (desk.Reception, desk.ScheduleSession(patient, round));

    /// <summary>The practitioner reports a side effect of the patient.</summary>
    public static readonly DeskCommand SideEffect = (desk, patient, round) => (desk.Practitioner, desk.ReportSideEffect(patient, round));

    /// <summary>A round of <paramref name="command"/>: one per patient, desk by desk (each desk one client).</summary>
    public static IReadOnlyList<IReadOnlyList<(HttpClient Client, CommandCall Call)>> Round(IEnumerable<BenchDesk> desks, DeskCommand command, int round) =>
        [.. desks.Select(desk => (IReadOnlyList<(HttpClient Client, CommandCall Call)>)
            [.. Enumerable.Range(0, desk.Patients.Count).Select(patient => command(desk, patient, round))])];

    /// <summary>The <paramref name="round"/>-th session of the <paramref name="patient"/>-th patient: weekly, each patient in a half-hour slot of its own.</summary>
    public CommandCall ScheduleSession(int patient, int round) => Call("/api/sessions", new
    {
        patientId = Patients[patient].Id, planId = Patients[patient].PlanId, practitionerId = PractitionerId,
        startsAt = FirstDay.AddDays(7 * round).AddMinutes(30 * patient), durationMinutes = 30,
    }, $"schedule-{Number}-{patient}-{round}");

    /// <summary>A side effect reported by the patient; one in ten serious (hospitalisation), which starts a reporting clock.</summary>
    public CommandCall ReportSideEffect(int patient, int round)
    {
        var serious = round % 10 == 9;
        var now = DateTimeOffset.UtcNow;
        return Call($"/api/patients/{Patients[patient].Id}/side-effects", new
        {
            kind = serious ? "infection" : "bruising", severity = serious ? "severe" : "mild", serious,
            seriousness = serious ? new[] { "hospitalisation" } : [], onsetAt = now.AddHours(-6), awareAt = now.AddHours(-1),
            description = serious ? "Abscess at an injection site" : "Small bruise at an injection site", reportedBy = "patient",
        }, $"side-effect-{Number}-{patient}-{round}");
    }

    /// <summary>Sessions start the third day from now at 08:00 UTC, after the allergy test's 24 hours.</summary>
    private static DateTimeOffset FirstDay => new(Today.AddDays(3).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

    private static async Task<BenchPatient> PatientReadyAsync(HttpClient reception, HttpClient practitioner, string name, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var consultedAt = now.AddDays(-2); // screened, consented and given the test dose two days ago; read today
        var patientId = await Call("/api/patients", new
        {
            firstName = "Bench", lastName = $"Patient {name}", dateOfBirth = new DateOnly(1985, 6, 15), sex = "female",
            phone = "+33 6 00 00 00 00", email = $"patient-{name}@example.test",
        }).CreateAsync(reception, ct);
        var path = $"/api/patients/{patientId}";
        var screenedOn = DateOnly.FromDateTime(consultedAt.UtcDateTime);
        await Call($"{path}/screenings", new
        {
            screenedOn, pregnant = false, breastfeeding = false, insulinDependentDiabetes = false,
            cancerOnMultiDrugTherapy = false, heartDiseaseOnMultiDrugTherapy = false, strokeHistory = false,
            liverDisorder = false, kidneyDisorder = false, lastNsaidDoseOn = (DateOnly?)null, allergies = Array.Empty<string>(),
            physicalExaminationOn = screenedOn, bloodUrineTestOn = screenedOn.AddDays(-1),
        }).SendAsync(practitioner, ct);
        await Call($"{path}/consents", new { scope = new[] { "face" }, formVersion = "v3", signedAt = consultedAt.AddMinutes(-30) }).SendAsync(practitioner, ct);
        var testId = await Call($"{path}/allergy-tests", new { substances = new[] { "lidocaine", "hyaluronic acid" }, appliedAt = consultedAt })
            .CreateAsync(practitioner, ct);
        await Call($"{path}/allergy-tests/{testId}/reading", new { readAt = now.AddMinutes(-5), reaction = false, reactedSubstances = Array.Empty<string>() })
            .SendAsync(practitioner, ct, HttpStatusCode.OK);
        var planId = await Call($"{path}/treatment-plans", new
        {
            indication = "neuralgia", areas = new[] { "face" }, technique = "nappage", plannedSessions = SessionsPerPlan, intervalDays = 7,
        }).CreateAsync(practitioner, ct);
        return new BenchPatient(patientId, planId);
    }

    private static CommandCall Call(string path, object body, string? correlationId = null) =>
        new(path, body, correlationId ?? $"setup-{Guid.NewGuid():N}");
}
