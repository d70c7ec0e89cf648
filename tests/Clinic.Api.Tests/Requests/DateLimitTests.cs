using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Requests;

/// <summary>
/// Dates at the ends of the calendar, from which the rules would compute deadlines past it, are refused 422
/// <c>date-out-of-range</c> (or the rule they break), not a 500, and record nothing.
/// </summary>
public class DateLimitTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;
    private const string OutOfRange = "date-out-of-range";
    private static readonly DateTimeOffset NearTheEnd = new(9999, 12, 31, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_screening_on_the_last_day_of_the_calendar_is_refused()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/screenings",
            Journey.Screening(screenedOn: DateOnly.MaxValue, lastNsaidDoseOn: DateOnly.MaxValue), Unprocessable, OutOfRange);

        Journey.Types(await journey.HistoryAsync()).ShouldBe(["patient-registered.v1"]);
    }

    [Fact]
    public async Task An_allergy_test_applied_at_the_end_of_the_calendar_is_refused()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/allergy-tests",
            new { substances = new[] { "lidocaine" }, appliedAt = NearTheEnd }, Unprocessable, OutOfRange);
    }

    [Fact]
    public async Task A_serious_side_effect_known_at_the_end_of_the_calendar_is_refused()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/side-effects", new
        {
            kind = "infection", severity = "severe", serious = true, seriousness = new[] { "hospitalisation" },
            onsetAt = NearTheEnd, awareAt = DateTimeOffset.MaxValue, description = "Abscess", reportedBy = "patient",
        }, Unprocessable, OutOfRange);
    }

    [Fact]
    public async Task A_booking_at_the_end_of_the_calendar_or_of_no_possible_length_is_refused()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(NearTheEnd.AddMinutes(50), durationMinutes: 30), Unprocessable, OutOfRange);
        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(3), durationMinutes: int.MinValue), Unprocessable, "invalid-duration");
        var sessionId = await journey.ScheduleAsync(Journey.Slot(3));
        await journey.Reception.PostProblemAsync($"/api/sessions/{sessionId}/reschedule",
            new { startsAt = NearTheEnd, reason = "Patient asked" }, Unprocessable, OutOfRange);

        Journey.Types(await journey.HistoryAsync()).Count(type => type.StartsWith("session-")).ShouldBe(1);
    }
}
