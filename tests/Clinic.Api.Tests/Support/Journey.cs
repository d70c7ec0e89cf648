using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// Builds a patient ready for treatment at one clinic through the API, step by step, so that a test can
/// stop at the step it is about. Dates are relative to now: screening today, sessions in the coming weeks.
/// </summary>
public sealed class Journey(ApiHost host, string clinic)
{
    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>
    /// When the journey's allergy test dose is applied: an hour ago, so that its reading falls due after the tests have
    /// run (no timer fires during a test) and a session a day from now comes a full day after it.
    /// </summary>
    public static readonly DateTimeOffset TestDoseAt = Now.AddHours(-1);

    /// <summary>The journey's screening date: the test dose's, so that the dose finds the patient screened even just after midnight.</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(TestDoseAt.UtcDateTime);

    /// <summary>A journey at a clinic of its own.</summary>
    public Journey(ApiHost host) : this(host, TestClinic.Unique())
    {
    }

    public string Clinic { get; } = clinic;
    public HttpClient Admin { get; } = host.Client("clinic-admin", clinic);
    public HttpClient Reception { get; } = host.Client("receptionist", clinic);
    public HttpClient Practitioner { get; } = host.Client("practitioner", clinic, PractitionerUserId);
    public HttpClient Clinician { get; } = host.Client("clinician", clinic);

    public Guid PractitionerId { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid PlanId { get; private set; }

    public string PatientPath => $"/api/patients/{PatientId}";

    public HttpClient Client(string role, string? user = null) => host.Client(role, Clinic, user);

    /// <summary>Another patient of the same clinic, treated by the same practitioner.</summary>
    public Journey AnotherPatient() => new(host, Clinic) { PractitionerId = PractitionerId };

    /// <summary>A session slot on the given day from now at 10:00 UTC.</summary>
    public static DateTimeOffset Slot(int daysFromNow, int hour = 10) =>
        new DateTimeOffset(Today.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero).AddDays(daysFromNow);

    public async Task<Journey> RegisterPractitionerAsync(DateOnly? licenceExpiresOn = null)
    {
        PractitionerId = await Admin.CreateAsync("/api/practitioners", NewPractitioner(licenceExpiresOn ?? Today.AddYears(2)));
        return this;
    }

    /// <summary>The subject of <see cref="Practitioner"/>'s token, to which the journey's practitioner is linked.</summary>
    public const string PractitionerUserId = "practitioner-user";

    public static object NewPractitioner(DateOnly licenceExpiresOn, string name = "Dr Ana Silva", string userId = PractitionerUserId) =>
        new { name, profession = "dermatologist", licenceNumber = "DERM-1", licenceExpiresOn, userId };

    public Task<Journey> RegisterPatientAsync(DateOnly? dateOfBirth = null) => RegisterPatientAsync(NewPatient(dateOfBirth ?? new DateOnly(1990, 4, 2)));

    public async Task<Journey> RegisterPatientAsync(object patient)
    {
        PatientId = await Reception.CreateAsync("/api/patients", patient);
        return this;
    }

    public static object NewPatient(DateOnly dateOfBirth, string lastName = "Lopez") => new
    {
        firstName = "Maria", lastName, dateOfBirth, sex = "female", phone = "+33 6 00 00 00 00", email = "maria@example.test",
    };

    /// <summary>A screening's answers: examined on the screening date and blood and urine tested the day before, unless told not tested.</summary>
    public static object Screening(
        DateOnly? screenedOn = null, bool pregnant = false, bool strokeHistory = false, bool liverDisorder = false, DateOnly? lastNsaidDoseOn = null,
        string[]? allergies = null, bool tested = true)
    {
        var on = screenedOn ?? Today;
        return new
        {
            screenedOn = on, pregnant, breastfeeding = false, insulinDependentDiabetes = false,
            cancerOnMultiDrugTherapy = false, heartDiseaseOnMultiDrugTherapy = false, strokeHistory, liverDisorder,
            kidneyDisorder = false, lastNsaidDoseOn, allergies = allergies ?? [],
            physicalExaminationOn = on, bloodUrineTestOn = tested ? on.AddDays(-1) : (DateOnly?)null,
        };
    }

    /// <summary>Screens the patient (eligible today unless told otherwise) and returns the screening's outcome.</summary>
    public async Task<JsonNode> ScreenAsync(object? screening = null) =>
        await Practitioner.PostOkAsync($"{PatientPath}/screenings", screening ?? Screening());

    /// <summary>Consent to the scopes (face unless told), signed half an hour before the journey's test dose.</summary>
    public Task<Journey> ConsentAsync(params string[] scope) => ConsentAsync(TestDoseAt.AddMinutes(-30), scope);

    public async Task<Journey> ConsentAsync(DateTimeOffset signedAt, params string[] scope)
    {
        await Practitioner.CreateAsync($"{PatientPath}/consents",
            new { scope = scope.Length == 0 ? ["face"] : scope, formVersion = "v3", signedAt });
        return this;
    }

    /// <summary>
    /// The patient registered, screened eligible on the day of <paramref name="testDoseAt"/> and consented before it:
    /// what an allergy test dose then needs (the journey's test dose unless told when).
    /// </summary>
    public async Task<Journey> ConsultedAsync(DateTimeOffset? testDoseAt = null)
    {
        var doseAt = testDoseAt ?? TestDoseAt;
        await RegisterPatientAsync();
        await ScreenAsync(Screening(screenedOn: DateOnly.FromDateTime(doseAt.UtcDateTime)));
        return await ConsentAsync(doseAt.AddMinutes(-30));
    }

    /// <summary>
    /// Applies an allergy test of lidocaine and hyaluronic acid at the journey's test dose time unless told when, and
    /// unless told not to, reads it a full day after the dose, when a reading of no reaction counts: with the API's
    /// clock moved there if that is still to come.
    /// </summary>
    public async Task<Guid> AllergyTestAsync(bool read = true, bool reaction = false, string[]? reacted = null, DateTimeOffset? appliedAt = null)
    {
        var doseAt = appliedAt ?? TestDoseAt;
        var testId = await Practitioner.CreateAsync($"{PatientPath}/allergy-tests",
            new { substances = new[] { "lidocaine", "hyaluronic acid" }, appliedAt = doseAt });
        if (read)
            await ReadAllergyTestAsync(testId, doseAt.AddDays(1), reaction, reacted ?? []);
        return testId;
    }

    private async Task ReadAllergyTestAsync(Guid testId, DateTimeOffset readAt, bool reaction, string[] reacted)
    {
        using var clock = readAt > DateTimeOffset.UtcNow ? ClockAt(readAt) : null;
        await Practitioner.PostOkAsync($"{PatientPath}/allergy-tests/{testId}/reading",
            new { readAt, reaction, reactedSubstances = reacted }, HttpStatusCode.OK);
    }

    public Task<Journey> PlanAsync(int plannedSessions = 6, int intervalDays = 7, string area = "face", string indication = "skin-rejuvenation") =>
        PlanAsync(Plan(plannedSessions, intervalDays, area, indication), Practitioner);

    /// <summary>Creates <paramref name="plan"/> as <paramref name="author"/> (a clinician for a deviation from the protocol).</summary>
    public async Task<Journey> PlanAsync(object plan, HttpClient author)
    {
        PlanId = await author.CreateAsync($"{PatientPath}/treatment-plans", plan);
        return this;
    }

    public static object Plan(int plannedSessions = 6, int intervalDays = 7, string area = "face", string indication = "skin-rejuvenation") =>
        new { indication, areas = new[] { area }, technique = "nappage", plannedSessions, intervalDays };

    /// <summary>A face plan in phases: <paramref name="initialSessions"/> a week apart, then the later ones <paramref name="laterIntervalDays"/> apart.</summary>
    public static object PhasedPlan(int initialSessions, int laterSessions, int laterIntervalDays, object? deviation = null) => new
    {
        indication = "skin-rejuvenation", areas = new[] { "face" }, technique = "nappage", plannedSessions = initialSessions + laterSessions,
        intervalDays = 7, later = new { sessions = laterSessions, intervalDays = laterIntervalDays }, deviation,
    };

    /// <summary>
    /// Practitioner and patient registered, screened eligible, consented, allergy test read clean (a day after the dose,
    /// so sessions are booked from a day from now), plan created.
    /// </summary>
    public async Task<Journey> ReadyForTreatmentAsync()
    {
        await RegisterPractitionerAsync();
        return await PatientReadyAsync();
    }

    /// <summary>The patient part of <see cref="ReadyForTreatmentAsync"/>, for a practitioner already registered.</summary>
    public async Task<Journey> PatientReadyAsync()
    {
        await ConsultedAsync();
        await AllergyTestAsync();
        return await PlanAsync();
    }

    public object Booking(DateTimeOffset startsAt, int durationMinutes = 30, Guid? practitionerId = null, object? intervalOverride = null) =>
        new { patientId = PatientId, planId = PlanId, practitionerId = practitionerId ?? PractitionerId, startsAt, durationMinutes, intervalOverride };

    public Task<Guid> ScheduleAsync(DateTimeOffset startsAt, int durationMinutes = 30) =>
        Reception.CreateAsync("/api/sessions", Booking(startsAt, durationMinutes));

    /// <summary>Every aftercare instruction of primer 002, by its API name.</summary>
    public static readonly string[] AllAftercare =
        ["no-water", "no-forced-movements", "no-make-up-or-sun", "cold-compresses", "no-strenuous-activity", "no-scratching-or-tight-clothes", "report-infection"];

    /// <summary>
    /// A performed-session record of the face plan by needle, anesthetic cream 35 minutes before, every aftercare instruction,
    /// the NSAID check confirmed: one product, hyaluronic acid unless told its substances; the booked duration unless told.
    /// </summary>
    public static object Performed(
        DateTimeOffset performedAt, decimal depthMm = 2, string[]? substances = null, int? durationMinutes = null, string[]? aftercare = null,
        string technique = "nappage", string[]? areas = null, object? deviation = null, object[]? products = null) => new
    {
        performedAt, injectionMethod = "needle", injectionDevice = "manual", depthMm, technique, areas = areas ?? ["face"],
        anestheticAppliedAt = performedAt.AddMinutes(-35),
        products = products ?? [Product(substances: substances)],
        durationMinutes, aftercare = aftercare ?? AllAftercare, noRecentAntiInflammatories = true, deviation,
    };

    /// <summary>A performed-session record as the values of its correction: what was done, not when.</summary>
    public static JsonObject CorrectedTreatment(object performed)
    {
        var values = JsonSerializer.SerializeToNode(performed, HttpJson.Options)!.AsObject();
        values.Remove("performedAt");
        return values;
    }

    public static object Product(string lotNumber = "LOT-77", decimal volumeMl = 2.5m, string[]? substances = null) =>
        new { name = "HA cocktail", lotNumber, volumeMl, substances = substances ?? ["hyaluronic acid"] };

    /// <summary>Moves the API's clock to <paramref name="instant"/> until disposed: the rules refuse a record of what has not happened yet.</summary>
    public IDisposable ClockAt(DateTimeOffset instant) => host.Clock.MoveTo(instant);

    /// <summary>The API's clock at the end of a session that starts at <paramref name="startsAt"/>, when its record is written.</summary>
    public IDisposable AfterSession(DateTimeOffset startsAt) => ClockAt(startsAt.AddHours(1));

    /// <summary>Schedules a session and, once it has taken place, records it performed five minutes after it started, with a product of <paramref name="lotNumber"/>.</summary>
    public async Task<Guid> PerformedSessionAsync(DateTimeOffset startsAt, string lotNumber = "LOT-77")
    {
        var sessionId = await ScheduleAsync(startsAt);
        using (AfterSession(startsAt))
            await Practitioner.PostOkAsync($"/api/sessions/{sessionId}/performed", Performed(startsAt.AddMinutes(5), products: [Product(lotNumber)]), HttpStatusCode.OK);
        return sessionId;
    }

    /// <summary>A side effect of a performed session: serious ones (hospitalisation) suspend treatment until reviewed.</summary>
    public static object SideEffect(Guid sessionId, bool serious, DateTimeOffset onsetAt) => new
    {
        sessionId, kind = serious ? "infection" : "bruising", severity = serious ? "severe" : "mild", serious,
        seriousness = serious ? new[] { "hospitalisation" } : [], onsetAt, awareAt = onsetAt.AddHours(2),
        description = serious ? "Abscess at an injection site" : "Small bruise", reportedBy = "patient",
    };

    /// <summary>Reports <see cref="SideEffect"/> once the clinic knows of it: a side effect is not recorded before it happens.</summary>
    public async Task<Guid> ReportSideEffectAsync(Guid sessionId, bool serious, DateTimeOffset onsetAt)
    {
        using (AfterSideEffect(onsetAt))
            return await Practitioner.CreateAsync($"{PatientPath}/side-effects", SideEffect(sessionId, serious, onsetAt));
    }

    /// <summary>The API's clock an hour after the clinic learned of a <see cref="SideEffect"/> of onset <paramref name="onsetAt"/>.</summary>
    public IDisposable AfterSideEffect(DateTimeOffset onsetAt) => ClockAt(onsetAt.AddHours(3));

    public Task<JsonNode> HistoryAsync(string? asOf = null) =>
        Practitioner.GetOkAsync(asOf is null ? $"{PatientPath}/history" : $"{PatientPath}/history?asOf={Uri.EscapeDataString(asOf)}");

    /// <summary>The event types of a history's timeline, in order.</summary>
    public static IReadOnlyList<string> Types(JsonNode history) =>
        history["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();

    public static JsonNode Entry(JsonNode history, string type) =>
        history["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == type)!;
}
