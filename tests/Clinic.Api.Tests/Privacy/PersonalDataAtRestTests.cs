using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Privacy;

/// <summary>
/// A patient's personal values are nowhere in the database in clear, in whatever record they were copied to (events,
/// her history, the message store), while the API still gives them back to those allowed to read them.
/// </summary>
public class PersonalDataAtRestTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task No_table_holds_a_personal_value_in_clear_and_the_history_still_shows_them()
    {
        var patient = await DistinctivePatient.RecordedAsync(host);

        (await StoredText.TablesHoldingAsync(host.Schema, patient.Journey.PatientId.ToString()))
            .ShouldContain(row => row.StartsWith("wolverine_incoming_envelopes: "), "the scan reads the bodies of her waiting timers, which name her");
        foreach (var value in DistinctivePatient.PersonalValues)
            (await StoredText.TablesHoldingAsync(host.Schema, value)).ShouldBeEmpty($"'{value}' is sealed wherever it is stored");
        var history = await patient.Journey.HistoryAsync();
        history["identity"]!["lastName"]!.GetValue<string>().ShouldBe(DistinctivePatient.LastName);
        history["identity"]!["email"]!.GetValue<string>().ShouldBe(DistinctivePatient.Email);
        history["identity"]!["dateOfBirth"]!.GetDate().ShouldBe(DistinctivePatient.DateOfBirth);
    }

    [Fact]
    public async Task A_sealed_value_is_stored_under_the_patients_id()
    {
        var patient = await DistinctivePatient.RecordedAsync(host);

        (await StoredText.TablesHoldingAsync(host.Schema, SealedValues.PrefixOf(patient.Journey.PatientId)))
            .ShouldContain(row => row.StartsWith("mt_events: "));
    }
}

/// <summary>A patient whose personal values appear nowhere else, recorded through registration, screening, a session and a side effect.</summary>
public sealed record DistinctivePatient(Journey Journey, Guid SessionId, Guid SideEffectId)
{
    public const string FirstName = "Zephyrine";
    public const string LastName = "Quartzwood";
    public const string Phone = "+33 6 98 76 54 31";
    public const string Email = "zq.erasure@example.test";
    public static readonly DateOnly DateOfBirth = new(1987, 11, 23);
    public const string ScreeningNotes = "notes-kestrel-ward";
    public const string SessionNotes = "notes-amber-lantern";
    public const string Description = "description-obsidian-gull";
    public const string ResolutionNotes = "notes-velvet-harbour";

    public static readonly string[] PersonalValues =
        [FirstName, LastName, Phone, Email, "1987-11-23", ScreeningNotes, SessionNotes, Description, ResolutionNotes];

    public static async Task<DistinctivePatient> RecordedAsync(ApiHost host)
    {
        var journey = await new Journey(host).RegisterPractitionerAsync();
        await journey.RegisterPatientAsync(new { firstName = FirstName, lastName = LastName, dateOfBirth = DateOfBirth, sex = "female", phone = Phone, email = Email });
        var screening = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Journey.Screening(), HttpJson.Options))!.AsObject();
        screening["notes"] = ScreeningNotes;
        await journey.ScreenAsync(screening);
        await journey.ConsentAsync();
        await journey.AllergyTestAsync();
        await journey.PlanAsync();
        var startsAt = Journey.Slot(3);
        var sessionId = await journey.ScheduleAsync(startsAt);
        var performed = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Journey.Performed(startsAt.AddMinutes(5)), HttpJson.Options))!.AsObject();
        performed["notes"] = SessionNotes;
        using (journey.AfterSession(startsAt))
            await journey.Practitioner.PostOkAsync($"/api/sessions/{sessionId}/performed", performed, HttpStatusCode.OK);
        var sideEffect = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Journey.SideEffect(sessionId, serious: false, Journey.Slot(4)), HttpJson.Options))!.AsObject();
        sideEffect["description"] = Description;
        Guid sideEffectId;
        using (journey.AfterSideEffect(Journey.Slot(4)))
        {
            sideEffectId = await journey.Practitioner.CreateAsync($"{journey.PatientPath}/side-effects", sideEffect);
            await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/side-effects/{sideEffectId}/resolution",
                new { resolvedAt = Journey.Slot(4).AddHours(2), outcome = "recovered", notes = ResolutionNotes }, HttpStatusCode.OK);
        }
        return new DistinctivePatient(journey, sessionId, sideEffectId);
    }
}
