using System.Net;
using Clinic.Api.Tests.Support;
using Clinic.Domain.Practitioners;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Sessions;

/// <summary>
/// Bookings decide on the practitioner's calendar document, which holds the bookings still to come, not her whole past;
/// a calendar that missed the stream's start (written before calendars existed) is not trusted.
/// </summary>
public class PractitionerCalendarTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const int PastBookings = 200;

    [Fact]
    public async Task After_many_past_bookings_an_overlapping_slot_is_refused_and_a_free_one_booked()
    {
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await first.AnotherPatient().PatientReadyAsync();
        await BookThePastAsync(first);
        await first.ScheduleAsync(Journey.Slot(3));

        await second.Reception.PostProblemAsync("/api/sessions", second.Booking(Journey.Slot(3).AddMinutes(10)),
            HttpStatusCode.Conflict, "practitioner-busy");
        await second.ScheduleAsync(Journey.Slot(3, hour: 11));

        var calendar = (await PractitionerCalendars.LoadAsync(host, first)).ShouldNotBeNull();
        calendar.FoldedFromStreamStart.ShouldBeTrue();
        calendar.Version.ShouldBe(1 + PastBookings + 2);
        calendar.Practitioner.Bookings.Values.Select(booking => booking.StartsAt).Order()
            .ShouldBe([Journey.Slot(3), Journey.Slot(3, hour: 11)]);
    }

    [Fact]
    public async Task A_calendar_begun_on_a_stream_written_before_it_reads_the_stream()
    {
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await first.AnotherPatient().PatientReadyAsync();
        var third = await first.AnotherPatient().PatientReadyAsync();
        await first.ScheduleAsync(Journey.Slot(3));
        await PractitionerCalendars.ForgetAsync(host, first);

        await second.ScheduleAsync(Journey.Slot(3, hour: 11));
        (await PractitionerCalendars.LoadAsync(host, first)).ShouldNotBeNull().FoldedFromStreamStart.ShouldBeFalse();

        await third.Reception.PostProblemAsync("/api/sessions", third.Booking(Journey.Slot(3).AddMinutes(10)),
            HttpStatusCode.Conflict, "practitioner-busy");
    }

    /// <summary>Bookings of other patients on each of the <see cref="PastBookings"/> days before yesterday, as years of work leave them.</summary>
    private async Task BookThePastAsync(Journey journey)
    {
        await using var session = Store.LightweightSession(journey.Clinic);
        var past = Enumerable.Range(2, PastBookings)
            .Select(daysAgo => new PractitionerBooked(journey.PractitionerId, Guid.NewGuid(), Guid.NewGuid(), Journey.Slot(-daysAgo), Journey.Slot(-daysAgo).AddMinutes(30)))
            .ToArray();
        session.Events.Append(journey.PractitionerId, 1 + PastBookings, past);
        await session.SaveChangesAsync();
    }

    private IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();
}
