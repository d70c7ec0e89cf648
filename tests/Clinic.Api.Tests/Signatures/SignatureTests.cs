using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Signatures;

/// <summary>
/// Signed records (21 CFR 11.50, 11.70): the record's author signs it with a fresh token; the signature shows her name,
/// role, time and meaning and the hash of the content signed; a correction supersedes it and the record is signed again.
/// </summary>
public class SignatureTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;
    private const string PractitionerName = "Dr Ana Silva";
    private const string ClinicianUser = "clinician-user";
    private static readonly object Performed = new { meaning = "performed" };
    private static readonly object Reviewed = new { meaning = "reviewed" };

    /// <summary>A token issued <paramref name="age"/> before the API's clock, for <paramref name="user"/> with <paramref name="name"/>.</summary>
    private HttpClient Signer(Journey journey, string role = "practitioner", string user = Journey.PractitionerUserId, string? name = PractitionerName,
        TimeSpan age = default) =>
        host.SigningClient(role, journey.Clinic, user, name, host.Clock.GetUtcNow() - age);

    private async Task<(Journey Journey, Guid SessionId)> PerformedSessionAsync()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        return (journey, await journey.PerformedSessionAsync(Journey.Slot(3)));
    }

    private static Task<JsonNode> CorrectLotAsync(Journey journey, Guid performedEvent, string lotNumber) =>
        journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections", new
        {
            eventId = performedEvent, reason = "Lot misread",
            values = Journey.CorrectedTreatment(Journey.Performed(Journey.Slot(3).AddMinutes(5), products: [Journey.Product(lotNumber)])),
        });

    private static IReadOnlyList<string> States(JsonNode history) =>
        history["status"]!["signatures"]!.AsArray().Select(signature => signature!["state"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task The_practitioner_signs_a_correction_supersedes_her_signature_the_history_asks_for_a_new_one_and_she_signs_again()
    {
        var (journey, sessionId) = await PerformedSessionAsync();
        using var _ = journey.AfterSession(Journey.Slot(3));
        var signature = $"/api/sessions/{sessionId}/signature";
        await journey.Practitioner.GetProblemAsync(signature, HttpStatusCode.NotFound, "signature-not-found");

        var signed = await Signer(journey).PostOkAsync(signature, Performed, HttpStatusCode.OK);

        signed["recorded"]!.AsArray().Select(name => name!.GetValue<string>()).ShouldBe(["session-signed.v1"]);
        var first = await journey.Practitioner.GetOkAsync(signature);
        first["record"]!.GetValue<string>().ShouldBe("session");
        first["recordId"]!.GetValue<Guid>().ShouldBe(sessionId);
        first["signerId"]!.GetValue<string>().ShouldBe(Journey.PractitionerUserId);
        first["printedName"]!.GetValue<string>().ShouldBe(PractitionerName);
        first["role"]!.GetValue<string>().ShouldBe("practitioner");
        first["meaning"]!.GetValue<string>().ShouldBe("performed");
        first["signedAt"].ShouldNotBeNull();
        first["signedHash"]!.GetValue<string>().ShouldMatch("^[0-9a-f]{64}$");
        first["currentHash"]!.GetValue<string>().ShouldBe(first["signedHash"]!.GetValue<string>());
        first["state"]!.GetValue<string>().ShouldBe("valid");
        await Signer(journey).PostProblemAsync(signature, Performed, Unprocessable, "already-signed");

        var performedEvent = Journey.Entry(await journey.HistoryAsync(), "session-performed.v1")["eventId"]!.GetValue<Guid>();
        await CorrectLotAsync(journey, performedEvent, "LOT-78");

        var superseded = await journey.Practitioner.GetOkAsync(signature);
        superseded["state"]!.GetValue<string>().ShouldBe("superseded");
        superseded["signedHash"]!.GetValue<string>().ShouldBe(first["signedHash"]!.GetValue<string>());
        superseded["currentHash"]!.GetValue<string>().ShouldNotBe(first["signedHash"]!.GetValue<string>());
        var history = await journey.HistoryAsync();
        States(history).ShouldBe(["superseded"]);
        history["status"]!["signaturesRequired"]!.AsArray().ShouldHaveSingleItem()!["recordId"]!.GetValue<Guid>().ShouldBe(sessionId);
        Journey.Types(history).ShouldContain("session-signed.v1");

        await Signer(journey).PostOkAsync(signature, Performed, HttpStatusCode.OK);

        var second = await journey.Practitioner.GetOkAsync(signature);
        second["state"]!.GetValue<string>().ShouldBe("valid");
        second["signedHash"]!.GetValue<string>().ShouldBe(superseded["currentHash"]!.GetValue<string>());
        var resigned = await journey.HistoryAsync();
        States(resigned).ShouldBe(["superseded", "valid"]);
        resigned["status"]!["signaturesRequired"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_regulator_reads_a_signature_and_the_look_is_on_the_trail()
    {
        var (journey, sessionId) = await PerformedSessionAsync();
        using var _ = journey.AfterSession(Journey.Slot(3));
        await Signer(journey).PostOkAsync($"/api/sessions/{sessionId}/signature", Performed, HttpStatusCode.OK);

        (await journey.Client("regulator").GetOkAsync($"/api/sessions/{sessionId}/signature"))["state"]!.GetValue<string>().ShouldBe("valid");

        await host.WaitForProjectionsAsync();
        var views = await AuditTrail.EntriesAsync(journey.Admin, "&type=record-viewed&actor=regulator-user");
        var view = views.ShouldHaveSingleItem();
        view["summary"]!.GetValue<string>().ShouldBe("Viewed session-signature");
        view["patientId"]!.GetValue<Guid>().ShouldBe(journey.PatientId);
    }

    [Fact]
    public async Task A_signature_needs_a_token_issued_within_the_fresh_authentication_window()
    {
        var (journey, sessionId) = await PerformedSessionAsync();
        using var _ = journey.AfterSession(Journey.Slot(3));
        var signature = $"/api/sessions/{sessionId}/signature";

        using var stale = await Signer(journey, age: TimeSpan.FromMinutes(6)).PostAsJsonAsync(signature, Performed, HttpJson.Options);

        stale.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        stale.Headers.WwwAuthenticate.ToString().ShouldContain("error=\"insufficient_user_authentication\"");
        stale.Headers.WwwAuthenticate.ToString().ShouldContain("max_age=\"300\"");
        await HttpJson.ProblemAsync(stale, HttpStatusCode.Unauthorized, "fresh-authentication-required");
        await journey.Practitioner.GetProblemAsync(signature, HttpStatusCode.NotFound, "signature-not-found");
        await Signer(journey, age: TimeSpan.FromMinutes(4)).PostOkAsync(signature, Performed, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_the_practitioner_who_performed_the_session_signs_it_with_her_name_as_performed()
    {
        var (journey, sessionId) = await PerformedSessionAsync();
        using var _ = journey.AfterSession(Journey.Slot(3));
        var signature = $"/api/sessions/{sessionId}/signature";

        await Signer(journey, user: "another-practitioner").PostProblemAsync(signature, Performed, HttpStatusCode.Forbidden, "not-performing-practitioner");
        await Signer(journey, role: "clinician", user: ClinicianUser).PostProblemAsync(signature, Performed, HttpStatusCode.Forbidden, "not-performing-practitioner");
        await Signer(journey, name: null).PostProblemAsync(signature, Performed, HttpStatusCode.Forbidden, "printed-name-required");
        await Signer(journey).PostProblemAsync(signature, Reviewed, Unprocessable, "signature-meaning-mismatch");
        await Signer(journey, role: "receptionist").PostProblemAsync(signature, Performed, HttpStatusCode.Forbidden, "forbidden");
        await Signer(journey).PostProblemAsync($"/api/sessions/{Guid.NewGuid()}/signature", Performed, HttpStatusCode.NotFound, "session-not-found");
        var scheduled = await journey.ScheduleAsync(Journey.Slot(10));
        await Signer(journey).PostProblemAsync($"/api/sessions/{scheduled}/signature", Performed, Unprocessable, "session-not-performed");
        await journey.Practitioner.GetProblemAsync(signature, HttpStatusCode.NotFound, "signature-not-found");
    }

    [Fact]
    public async Task The_reviewing_clinician_signs_the_review_and_a_correction_of_its_notes_supersedes_the_signature()
    {
        var (journey, sessionId) = await PerformedSessionAsync();
        var onset = Journey.Slot(3).AddHours(4);
        var sideEffect = await journey.ReportSideEffectAsync(sessionId, serious: true, onset);
        using var _ = journey.AfterSideEffect(onset);
        var review = $"{journey.PatientPath}/side-effects/{sideEffect}/review";
        var signature = $"{review}/signature";
        await Signer(journey, role: "clinician", user: ClinicianUser, name: "Dr Rui Costa")
            .PostProblemAsync(signature, Reviewed, Unprocessable, "side-effect-not-reviewed");
        await journey.Clinician.PostOkAsync(review, new { decision = "resume", notes = "Antibiotics; resume" }, HttpStatusCode.OK);

        await Signer(journey, role: "clinician", user: "clinician-eva", name: "Dr Eva Lima")
            .PostProblemAsync(signature, Reviewed, HttpStatusCode.Forbidden, "not-reviewer");
        await Signer(journey).PostProblemAsync(signature, Reviewed, HttpStatusCode.Forbidden, "forbidden");
        await Signer(journey, role: "clinician", user: ClinicianUser, name: "Dr Rui Costa").PostOkAsync(signature, Reviewed, HttpStatusCode.OK);

        var signed = await journey.Practitioner.GetOkAsync(signature);
        signed["record"]!.GetValue<string>().ShouldBe("side-effect-review");
        signed["printedName"]!.GetValue<string>().ShouldBe("Dr Rui Costa");
        signed["role"]!.GetValue<string>().ShouldBe("clinician");
        signed["meaning"]!.GetValue<string>().ShouldBe("reviewed");
        signed["state"]!.GetValue<string>().ShouldBe("valid");

        var reviewed = Journey.Entry(await journey.HistoryAsync(), "side-effect-reviewed.v1")["eventId"]!.GetValue<Guid>();
        await journey.Clinician.PostOkAsync($"{journey.PatientPath}/corrections",
            new { eventId = reviewed, reason = "Notes incomplete", values = new { decision = "resume", notes = "Antibiotics for 10 days; resume" } });

        var superseded = await journey.Practitioner.GetOkAsync(signature);
        superseded["state"]!.GetValue<string>().ShouldBe("superseded");
        superseded["currentHash"]!.GetValue<string>().ShouldNotBe(superseded["signedHash"]!.GetValue<string>());
        await journey.Practitioner.GetProblemAsync($"{journey.PatientPath}/side-effects/{Guid.NewGuid()}/review/signature",
            HttpStatusCode.NotFound, "side-effect-not-found");
    }
}
