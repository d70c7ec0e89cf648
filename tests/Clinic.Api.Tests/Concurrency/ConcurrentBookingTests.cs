using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Concurrency;

/// <summary>Commands fired in parallel at the same streams: the optimistic append lets exactly one of two clashing bookings commit.</summary>
public class ConcurrentBookingTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(17)]
    public async Task Two_patients_booking_one_practitioner_at_overlapping_times_in_parallel_get_one_session(int daysFromNow)
    {
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await first.AnotherPatient().PatientReadyAsync();
        var slot = Journey.Slot(daysFromNow);

        var responses = await Task.WhenAll(
            first.Reception.PostAsJsonAsync("/api/sessions", first.Booking(slot), HttpJson.Options),
            second.Reception.PostAsJsonAsync("/api/sessions", second.Booking(slot.AddMinutes(10)), HttpJson.Options));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        await HttpJson.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "practitioner-busy");
        await host.WaitForProjectionsAsync();
        var schedule = await first.Reception.GetOkAsync(Query.Schedule(first.PractitionerId, slot.AddDays(-1), slot.AddDays(1)));
        var booked = schedule["sessions"]!.AsArray().Single()!;
        booked["startsAt"]!.GetValue<DateTimeOffset>().ShouldBeOneOf(slot, slot.AddMinutes(10));
        booked["status"]!.GetValue<string>().ShouldBe("scheduled");
    }

    [Fact]
    public async Task Parallel_writes_to_one_patient_are_each_recorded_or_refused_as_a_conflict_never_lost()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        var consent = new { scope = new[] { "face" }, formVersion = "v3", signedAt = Journey.Now };

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            journey.Practitioner.PostAsJsonAsync($"{journey.PatientPath}/consents", consent, HttpJson.Options)));

        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await HttpJson.ProblemAsync(conflict, HttpStatusCode.Conflict, "concurrency-conflict");
        var history = await journey.HistoryAsync();
        Journey.Types(history).Count(type => type == "consent-recorded.v1").ShouldBe(responses.Count(r => r.StatusCode == HttpStatusCode.Created));
    }
}
