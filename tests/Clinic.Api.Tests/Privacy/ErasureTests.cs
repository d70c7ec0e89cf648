using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Auth;
using Clinic.Api.Erasure;
using Clinic.Api.Privacy;
using Clinic.Api.Tests.Storage;
using Clinic.Api.Tests.Support;
using Clinic.Domain.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Privacy;

/// <summary>
/// Erasure destroys the patient's key: every personal value of hers, wherever it was copied, can no longer be read,
/// while her clinical facts stay under her pseudonymous id. It waits for the retention period, unless the law orders it.
/// </summary>
public class ErasureTests(LoggingApiHost host) : IClassFixture<LoggingApiHost>
{
    private const string ReminderType = "send-session-reminder.v1";

    private static readonly object Request = new { reason = "Patient's request of 2026-12-01", legalObligation = false };
    private static readonly object CourtOrder = new { reason = "Court order 2026/118", legalObligation = true };

    private static string ErasurePath(Journey journey) => $"{journey.PatientPath}/erasure";

    [Fact]
    public async Task While_the_retention_period_runs_an_erasure_is_refused_and_nothing_is_erased()
    {
        var patient = await DistinctivePatient.RecordedAsync(host);

        await patient.Journey.Admin.PostProblemAsync(ErasurePath(patient.Journey), Request, HttpStatusCode.UnprocessableEntity, "retention-period-active");

        (await patient.Journey.HistoryAsync())["identity"]!["lastName"]!.GetValue<string>().ShouldBe(DistinctivePatient.LastName);
        (await KeyAsync(patient.Journey.PatientId)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Only_a_clinic_admin_erases()
    {
        var journey = await new Journey(host).RegisterPatientAsync();

        await journey.Clinician.PostProblemAsync(ErasurePath(journey), CourtOrder, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_erasure_by_legal_obligation_leaves_no_readable_personal_value_and_keeps_the_clinical_facts()
    {
        var patient = await DistinctivePatient.RecordedAsync(host);
        var sealedPrefix = SealedValues.PrefixOf(patient.Journey.PatientId);
        await DeadLetterHerReminderAsync(patient.Journey);
        (await OutboxRows.ScheduledAsync(host, ReminderType, patient.SessionId.ToString())).ShouldNotBeEmpty("her first session's reminder waits in the message store");
        (await StoredText.TablesHoldingAsync(host.Schema, patient.SessionId.ToString()))
            .ShouldContain(row => row.StartsWith("wolverine_incoming_envelopes: "), "the scan reads a waiting message's body, which names her session");
        (await StoredText.TablesHoldingAsync(host.Schema, sealedPrefix))
            .ShouldContain(row => row.StartsWith("wolverine_dead_letters: "), "the scan reads the dead letter's body, which holds her contact sealed");
        var signature = $"/api/sessions/{patient.SessionId}/signature";
        await host.SigningClient(ClinicRoles.Practitioner, patient.Journey.Clinic, Journey.PractitionerUserId, "Dr Ana Silva", host.Clock.GetUtcNow())
            .PostOkAsync(signature, new { meaning = "performed" }, HttpStatusCode.OK);

        var beforeErasure = DateTimeOffset.UtcNow;
        await patient.Journey.Admin.PostOkAsync(ErasurePath(patient.Journey), CourtOrder, HttpStatusCode.OK);

        (await KeyAsync(patient.Journey.PatientId)).ShouldBeNull("the key is destroyed");
        var history = await patient.Journey.HistoryAsync();
        history["erased"]!.GetValue<bool>().ShouldBeTrue();
        history["identity"].ShouldBeNull();
        var everythingLogged = await Eventually.WaitForAsync(() => host.Logs.Lines.Any(line => line.Message.Contains($"session-reminder for clinic {patient.Journey.Clinic}"))
            ? string.Join("\n", host.Logs.Lines.Select(line => line.Message)) : null);
        foreach (var value in DistinctivePatient.PersonalValues)
        {
            history.ToJsonString().ShouldNotContain(value);
            (await StoredText.TablesHoldingAsync(host.Schema, value)).ShouldBeEmpty();
            everythingLogged.ShouldNotContain(value);
        }
        (await OutboxRows.DeadLettersAsync(host, sealedPrefix)).ShouldBe(1, "her dead letter is kept, unreadable");
        Journey.Types(history).ShouldContain("session-performed.v1");
        Journey.Entry(history, "session-performed.v1")["summary"]!.GetValue<string>().ShouldContain("lot LOT-77");
        Journey.Types(history).ShouldContain("side-effect-reported.v1");
        Journey.Types(history)[^1].ShouldBe("patient-erased.v1");
        host.Services.GetRequiredService<PersonalSeal>().Open(await SealedValueAsync(patient.Journey.PatientId)).ShouldBeNull("nothing opens without the key");
        await patient.Journey.Practitioner.PostProblemAsync($"{patient.Journey.PatientPath}/screenings", Journey.Screening(), HttpStatusCode.UnprocessableEntity, "patient-erased");
        await patient.Journey.Admin.PostProblemAsync(ErasurePath(patient.Journey), CourtOrder, HttpStatusCode.UnprocessableEntity, "patient-erased");
        (await patient.Journey.Practitioner.GetOkAsync(signature))["state"]!.GetValue<string>().ShouldBe("erased");
        var asItStood = await patient.Journey.Practitioner.GetOkAsync($"{patient.Journey.PatientPath}/history?asOf={Uri.EscapeDataString(beforeErasure.ToString("O"))}");
        (asItStood["erased"]!.GetValue<bool>(), asItStood["identity"]).ShouldBe((true, null), "a record as it stood shows no identity the erasure took");
        asItStood["status"]!["signatures"]!.AsArray().Select(s => s!["state"]!.GetValue<string>()).ShouldBe(["erased"]);
        var integrity = await patient.Journey.Client(ClinicRoles.Regulator).GetOkAsync("/api/integrity");
        integrity["verified"]!.GetValue<bool>().ShouldBeTrue(integrity.ToJsonString());
    }

    [Fact]
    public async Task The_retention_review_lists_a_patient_whose_retention_ended_and_her_erasure_is_then_accepted()
    {
        Journey journey;
        using (host.Clock.MoveTo(DateTimeOffset.UtcNow.AddYears(-11)))
            journey = await new Journey(host).RegisterPatientAsync();
        var stillKept = await journey.AnotherPatient().RegisterPatientAsync();

        await RunRetentionReviewAsync();

        var due = await journey.Admin.GetOkAsync("/api/retention/due");
        var listed = due.AsArray().Select(entry => Guid.Parse(entry!["patientId"]!.GetValue<string>())).ToList();
        listed.ShouldContain(journey.PatientId);
        listed.ShouldNotContain(stillKept.PatientId);
        (await journey.HistoryAsync())["identity"].ShouldNotBeNull("the review erases nothing");
        Journey.Types(await journey.HistoryAsync()).ShouldContain("retention-period-ended.v1");
        await journey.Admin.PostOkAsync(ErasurePath(journey), Request, HttpStatusCode.OK);
        (await journey.Admin.GetOkAsync("/api/retention/due")).AsArray().ShouldBeEmpty();
        var looks = (await StoredAudit.EventsAsync(host, journey.Clinic)).Select(e => e.Data).OfType<RecordViewed>().Where(view => view.Resource == "retention-due");
        looks.Select(view => view.PatientId).ShouldBe([journey.PatientId, null], "a look at each listed patient's health record; at nobody once none is due");
    }

    [Fact]
    public async Task The_retention_review_and_the_erasure_follow_the_retention_period_the_clinic_set()
    {
        var treated = await new Journey(host).ReadyForTreatmentAsync();
        var treatedAt = Journey.Slot(1);
        await treated.PerformedSessionAsync(treatedAt);
        var neverTreated = await treated.AnotherPatient().RegisterPatientAsync();

        using (host.Clock.MoveTo(treatedAt.AddYears(7)))
        {
            await RunRetentionReviewAsync();
            (await DueAsync(treated)).ShouldNotContainKey(treated.PatientId, "kept 10 years by default");
            await treated.Admin.PostProblemAsync(ErasurePath(treated), Request, HttpStatusCode.UnprocessableEntity, "retention-period-active");

            await SetRetentionYearsAsync(treated, 5);
            await RunRetentionReviewAsync();
            (await DueAsync(treated)).ShouldContainKeyAndValue(treated.PatientId, DateOnly.FromDateTime(treatedAt.UtcDateTime).AddYears(5));
            await treated.Admin.PostOkAsync(ErasurePath(treated), Request, HttpStatusCode.OK);
        }
        using (host.Clock.MoveTo(treatedAt.AddYears(12)))
        {
            await SetRetentionYearsAsync(treated, 20);
            await RunRetentionReviewAsync();
            (await DueAsync(neverTreated)).ShouldNotContainKey(neverTreated.PatientId, "its end was recorded under 5 years, and 20 have not passed");
            await neverTreated.Admin.PostProblemAsync(ErasurePath(neverTreated), Request, HttpStatusCode.UnprocessableEntity, "retention-period-active");
        }
    }

    [Fact]
    public async Task A_patient_without_a_key_as_one_registered_before_values_were_sealed_gets_one_and_an_erased_one_never_again()
    {
        var keys = host.Services.GetRequiredService<PersonalKeys>();
        var (neverKeyed, erased) = (Guid.NewGuid(), Guid.NewGuid());
        await StoredText.ScalarAsync(
            $"INSERT INTO {host.Schema}.{PersonalKeysTable.Name} (subject_id, tenant_id, key, created_at, destroyed_at) VALUES ($1, 'a-clinic', NULL, now(), now())", erased);

        await keys.LoadAsync(neverKeyed, "a-clinic", CancellationToken.None);
        await keys.LoadAsync(erased, "a-clinic", CancellationToken.None);

        (await KeyAsync(neverKeyed)).ShouldNotBeNull().Length.ShouldBe(PersonalKeys.KeyBytes);
        keys.Find(neverKeyed).ShouldBe(await KeyAsync(neverKeyed));
        (await KeyAsync(erased)).ShouldBeNull();
        keys.Find(erased).ShouldBeNull("a destroyed key is never made again");
    }

    [Fact]
    public async Task Keys_preloaded_for_a_read_open_from_memory_and_a_patient_found_without_one_still_gets_one_at_her_next_record()
    {
        var keys = host.Services.GetRequiredService<PersonalKeys>();
        var journey = await new Journey(host).RegisterPatientAsync();
        var (readBeforeKeyed, neverKeyed) = (Guid.NewGuid(), Guid.NewGuid());

        await keys.PreloadAsync([journey.PatientId, neverKeyed], CancellationToken.None);
        keys.Find(readBeforeKeyed).ShouldBeNull("a read finds no key");
        await keys.LoadAsync(readBeforeKeyed, journey.Clinic, CancellationToken.None);
        await keys.LoadAsync(neverKeyed, journey.Clinic, CancellationToken.None);

        keys.Find(journey.PatientId).ShouldBe(await KeyAsync(journey.PatientId));
        (await KeyAsync(readBeforeKeyed)).ShouldNotBeNull("a key found missing by a read is made at the first record");
        (await KeyAsync(neverKeyed)).ShouldNotBeNull("a key left out by a preload is made at the first record");
    }

    [Fact]
    public async Task A_value_sealed_and_opened_just_before_her_key_is_destroyed_is_neither_opened_nor_sealed_after()
    {
        var keys = host.Services.GetRequiredService<PersonalKeys>();
        var seal = host.Services.GetRequiredService<PersonalSeal>();
        var journey = await new Journey(host).RegisterPatientAsync();
        await keys.LoadAsync(journey.PatientId, journey.Clinic, CancellationToken.None);

        var stored = seal.Seal(journey.PatientId, DistinctivePatient.LastName);
        seal.Open(stored).ShouldBe(DistinctivePatient.LastName);
        keys.Forget(journey.PatientId);

        seal.Open(stored).ShouldBeNull("a value opened on this thread just before is not opened with the key it kept");
        Should.Throw<PersonalDataNotSealable>(() => seal.Seal(journey.PatientId, DistinctivePatient.LastName));
    }

    /// <summary>
    /// Books her another session and fires its reminder while the webhook refuses it, until the notification, which
    /// carries her contact, is dead-lettered.
    /// </summary>
    private async Task DeadLetterHerReminderAsync(Journey journey)
    {
        var startsAt = Journey.Slot(10);
        var session = await journey.ScheduleAsync(startsAt);
        host.Webhook.Failing = true;
        try
        {
            await OutboxRows.FireNowAsync(host, ReminderType, session.ToString(), startsAt.AddDays(-1));
            await Eventually.WaitForAsync(async () => await OutboxRows.DeadLettersAsync(host, SealedValues.PrefixOf(journey.PatientId)) > 0 ? true : (bool?)null);
        }
        finally
        {
            host.Webhook.Failing = false;
        }
    }

    [Fact]
    public async Task The_patients_due_are_read_a_page_at_a_time_each_page_recording_a_look_at_the_patients_it_lists()
    {
        Journey first;
        using (host.Clock.MoveTo(DateTimeOffset.UtcNow.AddYears(-12)))
            first = await new Journey(host).RegisterPatientAsync();
        Journey[] later;
        using (host.Clock.MoveTo(DateTimeOffset.UtcNow.AddYears(-11)))
            later = [await first.AnotherPatient().RegisterPatientAsync(), await first.AnotherPatient().RegisterPatientAsync()];
        await RunRetentionReviewAsync();
        var sameDay = later.Select(journey => journey.PatientId).Order().ToList();

        var pages = new List<List<Guid>>();
        var path = "/api/retention/due?limit=1";
        for (var page = await first.Admin.GetOkAsync(path); page.AsArray().Count > 0; page = await first.Admin.GetOkAsync(NextPage(path, page)))
            pages.Add([.. page.AsArray().Select(entry => Guid.Parse(entry!["patientId"]!.GetValue<string>()))]);

        pages.ShouldBe([[first.PatientId], [sameDay[0]], [sameDay[1]]], "oldest end first, then by id, one a page");
        var looks = (await StoredAudit.EventsAsync(host, first.Clinic)).Select(e => e.Data).OfType<RecordViewed>().Where(view => view.Resource == "retention-due");
        looks.Select(view => view.PatientId).ShouldBe([first.PatientId, sameDay[0], sameDay[1], null], "each page a look at the patient it lists; the empty last one at nobody");
        await first.Admin.GetProblemAsync("/api/retention/due?limit=1001", HttpStatusCode.BadRequest, "invalid-limit");
        await first.Admin.GetProblemAsync($"/api/retention/due?afterPatientId={first.PatientId}", HttpStatusCode.BadRequest, "malformed-request");
    }

    /// <summary>The page after <paramref name="page"/>: after its last entry's end and patient.</summary>
    private static string NextPage(string path, JsonNode page)
    {
        var last = page.AsArray()[^1]!;
        return $"{path}&afterEndedOn={last["retentionEndedOn"]!.GetValue<string>()}&afterPatientId={last["patientId"]!.GetValue<string>()}";
    }

    private async Task RunRetentionReviewAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetentionReview>().RunAsync(CancellationToken.None);
    }

    /// <summary>The clinic's patients the retention review lists as due, with the day each one's retention ended.</summary>
    private static async Task<Dictionary<Guid, DateOnly>> DueAsync(Journey journey) =>
        (await journey.Admin.GetOkAsync("/api/retention/due")).AsArray()
            .ToDictionary(entry => Guid.Parse(entry!["patientId"]!.GetValue<string>()), entry => entry!["retentionEndedOn"]!.GetDate());

    private static Task SetRetentionYearsAsync(Journey journey, int retentionYears) =>
        journey.Admin.PutOkAsync("/api/clinic/policy", new
        {
            screeningValidityDays = 180, minimumIntervalDays = 7, seriousReportingDays = 15, fatalOrLifeThreateningReportingDays = 7, retentionYears,
        });

    private async Task<byte[]?> KeyAsync(Guid patientId) =>
        await StoredText.ScalarAsync($"SELECT key FROM {host.Schema}.{PersonalKeysTable.Name} WHERE subject_id = $1", patientId) as byte[];

    /// <summary>One personal value of the patient as stored in her registration event.</summary>
    private async Task<string> SealedValueAsync(Guid patientId) =>
        (string)(await StoredText.ScalarAsync(
            $"SELECT data -> 'details' ->> 'lastName' FROM {host.Schema}.mt_events WHERE stream_id = $1 AND type = 'patient-registered.v1'", patientId))!;
}
