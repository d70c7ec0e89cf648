using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Sessions;

/// <summary>The complete performed-session record over HTTP (issue 13): what it must hold, and who may make it.</summary>
public class PerformedRecordTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    /// <summary>A patient ready for treatment with a session held at <see cref="Journey.Slot"/>(3), the API's clock after it.</summary>
    private async Task<(Journey Journey, string Path, IDisposable Clock)> HeldSessionAsync()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));
        return (journey, $"/api/sessions/{session}/performed", journey.AfterSession(Journey.Slot(3)));
    }

    private static JsonObject Record(Action<JsonObject> change)
    {
        var record = JsonSerializer.SerializeToNode(Journey.Performed(Journey.Slot(3)), HttpJson.Options)!.AsObject();
        change(record);
        return record;
    }

    [Fact]
    public async Task Aftercare_is_never_assumed_given()
    {
        var (journey, path, clock) = await HeldSessionAsync();
        using var _ = clock;

        await journey.Practitioner.PostRawProblemAsync(path, Record(r => r.Remove("aftercare")).ToJsonString(), HttpStatusCode.BadRequest, "malformed-request");
        await journey.Practitioner.PostProblemAsync(path, Journey.Performed(Journey.Slot(3), aftercare: []), Unprocessable, "aftercare-missing");
        Journey.Types(await journey.HistoryAsync()).ShouldNotContain("session-performed.v1");
    }

    [Fact]
    public async Task Volumes_too_large_to_add_up_are_refused_not_a_server_error()
    {
        var (journey, path, clock) = await HeldSessionAsync();
        using var _ = clock;
        const decimal nearTheDecimalLimit = 50_000_000_000_000_000_000_000_000_000m;

        await journey.Practitioner.PostProblemAsync(path, Journey.Performed(Journey.Slot(3), products:
            [Journey.Product(volumeMl: nearTheDecimalLimit), Journey.Product(lotNumber: "LOT-78", volumeMl: nearTheDecimalLimit)]),
            Unprocessable, "session-volume-exceeded");
    }

    [Theory]
    [InlineData(-29, false)]
    [InlineData(-30, true)]
    [InlineData(-41, false)]
    public async Task Anesthetic_cream_is_applied_30_to_40_minutes_before(int minutes, bool accepted)
    {
        var (journey, path, clock) = await HeldSessionAsync();
        using var _ = clock;
        var record = Record(r => r["anestheticAppliedAt"] = Journey.Slot(3).AddMinutes(minutes));

        if (accepted)
            await journey.Practitioner.PostOkAsync(path, record, HttpStatusCode.OK);
        else
            await journey.Practitioner.PostProblemAsync(path, record, Unprocessable, "anesthetic-timing");
    }

    [Fact]
    public async Task A_needle_free_delivery_has_no_depth_and_a_needle_has_one()
    {
        var (journey, path, clock) = await HeldSessionAsync();
        using var _ = clock;

        await journey.Practitioner.PostProblemAsync(path, Record(r => r["injectionMethod"] = "needle-free"), Unprocessable, "invalid-delivery");
        await journey.Practitioner.PostProblemAsync(path, Record(r => r.Remove("depthMm")), Unprocessable, "depth-out-of-range");
        await journey.Practitioner.PostOkAsync(path, Record(r =>
        {
            r["injectionMethod"] = "needle-free";
            r["injectionDevice"] = "gun";
            r.Remove("depthMm");
        }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_scalp_is_treated_at_most_2_mm_deep()
    {
        var journey = await new Journey(host).RegisterPractitionerAsync();
        await journey.ConsultedAsync();
        await journey.ConsentAsync("face", "hair");
        await journey.AllergyTestAsync();
        await journey.PlanAsync(plannedSessions: 10, intervalDays: 14, area: "scalp", indication: "hair-loss");
        var session = await journey.ScheduleAsync(Journey.Slot(3));
        using var _ = journey.AfterSession(Journey.Slot(3));
        var path = $"/api/sessions/{session}/performed";

        await journey.Practitioner.PostProblemAsync(path, Journey.Performed(Journey.Slot(3), depthMm: 2.1m, areas: ["scalp"]), Unprocessable, "depth-out-of-range");
        await journey.Practitioner.PostOkAsync(path, Journey.Performed(Journey.Slot(3), depthMm: 2.0m, areas: ["scalp"]), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_practitioner_confirms_no_recent_anti_inflammatories()
    {
        var (journey, path, clock) = await HeldSessionAsync();
        using var _ = clock;

        await journey.Practitioner.PostProblemAsync(path, Record(r => r["noRecentAntiInflammatories"] = false), Unprocessable, "recent-nsaid");
    }

    [Fact]
    public async Task Only_a_clinician_deviates_from_the_plan_and_with_a_reason()
    {
        var (journey, path, clock) = await HeldSessionAsync();
        using var _ = clock;
        var deviating = Journey.Performed(Journey.Slot(3), technique: "point-by-point",
            deviation: new { reason = "Point by point on the deeper lines" });

        await journey.Practitioner.PostProblemAsync(path, Journey.Performed(Journey.Slot(3), technique: "point-by-point"), Unprocessable, "outside-plan");
        await journey.Practitioner.PostProblemAsync(path, deviating, HttpStatusCode.Forbidden, "clinician-required");
        await journey.Clinician.PostOkAsync(path, deviating, HttpStatusCode.OK);

        Journey.Entry(await journey.HistoryAsync(), "session-performed.v1")["summary"]!.GetValue<string>()
            .ShouldContain("(deviating from the plan: Point by point on the deeper lines)");
    }

    [Fact]
    public async Task A_session_is_recorded_by_its_booked_practitioners_user_or_a_clinician_only()
    {
        var (journey, path, clock) = await HeldSessionAsync();
        using var _ = clock;

        await journey.Client("practitioner", "another-practitioner").PostProblemAsync(path, Journey.Performed(Journey.Slot(3)),
            HttpStatusCode.Forbidden, "not-booked-practitioner");
        await journey.Clinician.PostOkAsync(path, Journey.Performed(Journey.Slot(3)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_correction_of_the_record_obeys_the_same_rules_and_is_made_by_the_same_people()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.PerformedSessionAsync(Journey.Slot(3));
        using var _ = journey.AfterSession(Journey.Slot(3));
        var performed = Journey.Entry(await journey.HistoryAsync(), "session-performed.v1");
        object Correction(object record) =>
            new { eventId = performed["eventId"]!.GetValue<Guid>(), reason = "Lot misread", values = Journey.CorrectedTreatment(record) };

        await journey.Client("practitioner", "another-practitioner").PostProblemAsync($"{journey.PatientPath}/corrections",
            Correction(Journey.Performed(Journey.Slot(3).AddMinutes(5))), HttpStatusCode.Forbidden, "not-booked-practitioner");
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            Correction(Journey.Performed(Journey.Slot(3).AddMinutes(5), aftercare: [])), Unprocessable, "aftercare-missing");
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            Correction(Journey.Performed(Journey.Slot(3).AddMinutes(5), technique: "epidermal", deviation: new { reason = "Epidermal only" })),
            HttpStatusCode.Forbidden, "clinician-required");
        await journey.Clinician.PostOkAsync($"{journey.PatientPath}/corrections",
            Correction(Journey.Performed(Journey.Slot(3).AddMinutes(5), technique: "epidermal", deviation: new { reason = "Epidermal only" })));
    }

    [Fact]
    public async Task A_registered_practitioner_is_linked_to_a_user()
    {
        var journey = new Journey(host);

        await journey.Admin.PostProblemAsync("/api/practitioners", new
        {
            name = "Dr Ana Silva", profession = "dermatologist", licenceNumber = "DERM-1", licenceExpiresOn = Journey.Today.AddYears(1), userId = " ",
        }, Unprocessable, "invalid-practitioner");
    }
}
