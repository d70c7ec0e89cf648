namespace Clinic.Api.Tests.Support;

/// <summary>
/// Builds a patient ready for treatment at one clinic through the API, step by step, so that a test can
/// stop at the step it is about. Dates are relative to now: screening today, sessions next month.
/// </summary>
public sealed class Journey(ApiHost host, string clinic)
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public HttpClient Admin { get; } = host.Client("clinic-admin", clinic);
    public HttpClient Reception { get; } = host.Client("receptionist", clinic);
    public HttpClient Practitioner { get; } = host.Client("practitioner", clinic);
    public HttpClient Clinician { get; } = host.Client("clinician", clinic);

    public Guid PractitionerId { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid PlanId { get; private set; }

    /// <summary>A session slot on the given day from now at 10:00 UTC.</summary>
    public static DateTimeOffset Slot(int daysFromNow, int hour = 10) =>
        new DateTimeOffset(Today.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero).AddDays(daysFromNow);

    public async Task<Journey> RegisterPractitionerAsync(DateOnly? licenceExpiresOn = null)
    {
        PractitionerId = await Admin.CreateAsync("/api/practitioners", new
        {
            name = "Dr Ana Silva", profession = "dermatologist", licenceNumber = "DERM-1",
            licenceExpiresOn = licenceExpiresOn ?? Today.AddYears(2),
        });
        return this;
    }

    public async Task<Journey> RegisterPatientAsync(DateOnly? dateOfBirth = null)
    {
        PatientId = await Reception.CreateAsync("/api/patients", new
        {
            firstName = "Maria", lastName = "Lopez", dateOfBirth = dateOfBirth ?? new DateOnly(1990, 4, 2), sex = "female",
            phone = "+33 6 00 00 00 00", email = "maria@example.test",
        });
        return this;
    }

    public static object Screening(DateOnly? screenedOn = null, bool pregnant = false, bool strokeHistory = false, DateOnly? lastNsaidDoseOn = null) => new
    {
        screenedOn = screenedOn ?? Today, pregnant, breastfeeding = false, insulinDependentDiabetes = false,
        cancerOnMultiDrugTherapy = false, heartDiseaseOnMultiDrugTherapy = false, strokeHistory, liverDisorder = false,
        kidneyDisorder = false, lastNsaidDoseOn, allergies = Array.Empty<string>(),
    };

    public async Task<Journey> ScreenAsync(object? screening = null)
    {
        await Practitioner.PostOkAsync($"/api/patients/{PatientId}/screenings", screening ?? Screening());
        return this;
    }

    public async Task<Journey> ConsentAsync(params string[] scope)
    {
        await Practitioner.CreateAsync($"/api/patients/{PatientId}/consents",
            new { scope = scope.Length == 0 ? ["face"] : scope, formVersion = "v3", signedAt = Now.AddMinutes(-30) });
        return this;
    }

    /// <summary>Applies an allergy test an hour ago (its reading falls due tomorrow, so no timer fires during a test); reads it now unless told not to.</summary>
    public async Task<Guid> AllergyTestAsync(bool read = true, bool reaction = false, params string[] reacted)
    {
        var testId = await Practitioner.CreateAsync($"/api/patients/{PatientId}/allergy-tests",
            new { substances = new[] { "lidocaine", "hyaluronic acid" }, appliedAt = Now.AddHours(-1) });
        if (read)
            await Practitioner.PostOkAsync($"/api/patients/{PatientId}/allergy-tests/{testId}/reading",
                new { readAt = Now, reaction, reactedSubstances = reacted }, System.Net.HttpStatusCode.OK);
        return testId;
    }

    public async Task<Journey> PlanAsync(int plannedSessions = 6, int intervalDays = 7, string area = "face")
    {
        PlanId = await Practitioner.CreateAsync($"/api/patients/{PatientId}/treatment-plans",
            new { indication = "skin-rejuvenation", areas = new[] { area }, technique = "nappage", plannedSessions, intervalDays });
        return this;
    }

    /// <summary>Practitioner and patient registered, screened eligible, consented, allergy test read clean, plan created.</summary>
    public async Task<Journey> ReadyForTreatmentAsync()
    {
        await RegisterPractitionerAsync();
        await RegisterPatientAsync();
        await ScreenAsync();
        await ConsentAsync();
        await AllergyTestAsync();
        await PlanAsync();
        return this;
    }

    public object Booking(DateTimeOffset startsAt, int durationMinutes = 30, Guid? practitionerId = null, object? intervalOverride = null) =>
        new { patientId = PatientId, planId = PlanId, practitionerId = practitionerId ?? PractitionerId, startsAt, durationMinutes, intervalOverride };

    public Task<Guid> ScheduleAsync(DateTimeOffset startsAt, int durationMinutes = 30) =>
        Reception.CreateAsync("/api/sessions", Booking(startsAt, durationMinutes));

    public static object Performed(DateTimeOffset performedAt, decimal depthMm = 2, string substance = "hyaluronic acid") => new
    {
        performedAt, depthMm, technique = "nappage", areas = new[] { "face" }, anestheticCream = true,
        products = new[] { new { name = "HA cocktail", lotNumber = "LOT-77", volumeMl = 2.5m, substances = new[] { substance } } },
    };
}
