using Clinic.Domain.Common;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>
/// A practitioner's calendar pruned of the bookings that ended by an instant decides every booking on a slot from that
/// instant on as the whole calendar does (the API keeps such a calendar per practitioner).
/// </summary>
public class PractitionerCalendarTests
{
    private static readonly Guid OtherPatientsSession = Guid.Parse("5e000000-0000-0000-0000-0000000000aa");

    private static readonly DateTimeOffset PrunedBy = At(3, 1, 12);

    /// <summary>A session every day of February, all over by March, and one with another patient on 3 March at 10:00.</summary>
    private static readonly IDomainEvent[] BusyPractitioner =
    [
        PractitionerRegistered(),
        .. Enumerable.Range(1, 28).Select(day => Booked(Guid.NewGuid(), At(2, day))),
        Booked(OtherPatientsSession, At(3, 3)),
    ];

    private static PractitionerState Whole => Given.Practitioner(BusyPractitioner).State;

    private static PractitionerState Pruned => Whole.WithoutBookingsEndedBy(PrunedBy);

    [Fact]
    public void Pruning_drops_the_bookings_ended_by_the_instant_and_keeps_the_rest()
    {
        var state = Given.Practitioner(
            PractitionerRegistered(),
            Booked(SessionId, At(3, 1, 11, 30)),
            Booked(SecondSessionId, At(3, 1, 11, 31))).State;

        state.WithoutBookingsEndedBy(PrunedBy).Bookings.Keys.ShouldBe([SecondSessionId]);
    }

    [Fact]
    public void Pruning_keeps_the_registration_and_the_licence()
    {
        var pruned = Pruned;

        pruned.Details.ShouldBe(Whole.Details);
        pruned.Bookings.Keys.ShouldBe([OtherPatientsSession]);
    }

    [Fact]
    public void A_pruned_booking_moved_to_a_later_day_is_back_in_the_calendar()
    {
        var moved = PractitionerDecider.Evolve(
            Given.Practitioner(PractitionerRegistered(), Booked(SessionId, At(2, 20))).State.WithoutBookingsEndedBy(PrunedBy),
            new PractitionerBookingMoved(PractitionerId, SessionId, At(3, 4, 14), At(3, 4, 14, 30)));

        moved.Bookings.Values.ShouldHaveSingleItem().ShouldBe(new PractitionerBooking(SessionId, At(3, 4, 14), At(3, 4, 14, 30)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_slot_overlapping_a_booking_to_come_is_refused(bool pruned) =>
        Given.Patient(ReadyForSession()).AndPractitioner(pruned ? Pruned : Whole)
            .When(Schedule(At(3, 3, 10, 15)))
            .ThenRefuses(RefusalCodes.PractitionerBusy);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_free_slot_is_booked(bool pruned) =>
        Given.Patient(ReadyForSession()).AndPractitioner(pruned ? Pruned : Whole)
            .When(Schedule(At(3, 3, 10, 30)))
            .ThenEmits(Scheduled(SessionId, At(3, 3, 10, 30)), Booked(SessionId, At(3, 3, 10, 30)));

    [Fact]
    public void Cancelling_a_session_whose_booking_was_pruned_still_releases_it() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(2, 27))])
            .AndPractitioner(Given.Practitioner(PractitionerRegistered(), Booked(SessionId, At(2, 27))).State.WithoutBookingsEndedBy(PrunedBy))
            .When(new CancelSession(PatientId, SessionId, At(3, 2), "Patient unwell"))
            .ThenEmits(new SessionCancelled(PatientId, SessionId, At(3, 2), "Patient unwell"), new PractitionerBookingReleased(PractitionerId, SessionId));

    [Fact]
    public void A_booking_or_a_move_reads_the_calendar_from_its_new_start_a_cancellation_reads_no_booking()
    {
        SessionBooking.CalendarReadFrom(Schedule(At(3, 3))).ShouldBe(At(3, 3));
        SessionBooking.CalendarReadFrom(new RescheduleSession(PatientId, SessionId, At(3, 4), "Asked", null, Policy, BookedAt)).ShouldBe(At(3, 4));
        SessionBooking.CalendarReadFrom(new CancelSession(PatientId, SessionId, At(3, 2), "Patient unwell")).ShouldBeNull();
    }
}
