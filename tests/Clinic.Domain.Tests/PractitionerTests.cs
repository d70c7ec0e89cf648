using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class PractitionerTests
{
    [Fact]
    public void Registering_records_the_practitioner_and_licence() =>
        Given.Practitioner()
            .When(new RegisterPractitioner(PractitionerId, ClinicId, Dermatologist()))
            .ThenEmits(new PractitionerRegistered(PractitionerId, ClinicId,
                new PractitionerDetails("Dr Ana Silva", Profession.Dermatologist, "OM-45821", new DateOnly(2026, 12, 31), PractitionerUserId)));

    [Fact]
    public void Registering_twice_is_refused() =>
        Given.Practitioner(PractitionerRegistered())
            .When(new RegisterPractitioner(PractitionerId, ClinicId, Dermatologist()))
            .ThenRefuses(RefusalCodes.AlreadyRegistered);

    [Theory]
    [InlineData("", "OM-45821")]
    [InlineData("Dr Ana Silva", " ")]
    public void A_practitioner_needs_a_name_and_a_licence_number(string name, string licenceNumber) =>
        Given.Practitioner()
            .When(new RegisterPractitioner(PractitionerId, ClinicId, Dermatologist() with { Name = name, LicenceNumber = licenceNumber }))
            .ThenRefuses(RefusalCodes.InvalidPractitioner);

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_practitioner_is_linked_to_a_user(string? userId) =>
        Given.Practitioner()
            .When(new RegisterPractitioner(PractitionerId, ClinicId, Dermatologist() with { UserId = userId }))
            .ThenRefuses(RefusalCodes.InvalidPractitioner);

    [Fact]
    public void An_unknown_profession_is_refused() =>
        Given.Practitioner()
            .When(new RegisterPractitioner(PractitionerId, ClinicId, Dermatologist() with { Profession = (Profession)42 }))
            .ThenRefuses(RefusalCodes.InvalidPractitioner);

    [Fact]
    public void Renewing_the_licence_extends_it()
    {
        var renewed = new PractitionerLicenceRenewed(PractitionerId, "OM-45821-R", new DateOnly(2029, 12, 31));

        Given.Practitioner(PractitionerRegistered())
            .When(new RenewPractitionerLicence(PractitionerId, "OM-45821-R", new DateOnly(2029, 12, 31)))
            .ThenEmits(renewed);
        var state = Given.Practitioner(PractitionerRegistered(), renewed).State;
        state.IsLicensedOn(new DateOnly(2029, 12, 31)).ShouldBeTrue();
        state.Details!.LicenceNumber.ShouldBe("OM-45821-R");
    }

    [Fact]
    public void A_renewal_must_end_after_the_current_licence() =>
        Given.Practitioner(PractitionerRegistered())
            .When(new RenewPractitionerLicence(PractitionerId, "OM-45821-R", new DateOnly(2026, 12, 31)))
            .ThenRefuses(RefusalCodes.InvalidPractitioner);

    [Fact]
    public void Commands_for_an_unregistered_practitioner_are_refused() =>
        Given.Practitioner()
            .When(new RenewPractitionerLicence(PractitionerId, "OM-45821-R", new DateOnly(2029, 12, 31)))
            .ThenRefuses(RefusalCodes.PractitionerNotFound);

    [Fact]
    public void A_licence_is_current_up_to_and_including_its_expiry_date()
    {
        var state = Given.Practitioner(PractitionerRegistered(new DateOnly(2025, 6, 30))).State;

        state.IsLicensedOn(new DateOnly(2025, 6, 30)).ShouldBeTrue();
        state.IsLicensedOn(new DateOnly(2025, 7, 1)).ShouldBeFalse();
    }

    [Fact]
    public void The_calendar_follows_bookings_moves_and_releases()
    {
        var state = Given.Practitioner(
            PractitionerRegistered(),
            Booked(SessionId, At(3, 3)),
            Booked(SecondSessionId, At(3, 4)),
            new PractitionerBookingMoved(PractitionerId, SessionId, At(3, 5, 14), At(3, 5, 14, 45)),
            new PractitionerBookingReleased(PractitionerId, SecondSessionId)).State;

        state.Bookings.Values.ShouldHaveSingleItem()
            .ShouldBe(new PractitionerBooking(SessionId, At(3, 5, 14), At(3, 5, 14, 45)));
    }

    [Fact]
    public void Correcting_the_details_replaces_them()
    {
        var corrected = Dermatologist(new DateOnly(2027, 3, 31)) with { LicenceNumber = "OM-45812" };

        Given.Practitioner(PractitionerRegistered())
            .When(new CorrectPractitionerDetails(PractitionerId, CorrectedEventId, "Licence number transposed", corrected))
            .ThenEmits(new PractitionerDetailsCorrected(PractitionerId, CorrectedEventId, "Licence number transposed", corrected));
        Given.Practitioner(PractitionerRegistered(),
                new PractitionerDetailsCorrected(PractitionerId, CorrectedEventId, "Licence number transposed", corrected))
            .State.Details.ShouldBe(corrected);
    }

    [Fact]
    public void A_correction_needs_a_reason() =>
        Given.Practitioner(PractitionerRegistered())
            .When(new CorrectPractitionerDetails(PractitionerId, CorrectedEventId, " ", Dermatologist()))
            .ThenRefuses(RefusalCodes.ReasonRequired);

    [Fact]
    public void A_correction_names_the_event_it_corrects() =>
        Given.Practitioner(PractitionerRegistered())
            .When(new CorrectPractitionerDetails(PractitionerId, Guid.Empty, "Typo", Dermatologist()))
            .ThenRefuses(RefusalCodes.EventNotFound);

    [Fact]
    public void Corrected_details_follow_the_registration_rules() =>
        Given.Practitioner(PractitionerRegistered())
            .When(new CorrectPractitionerDetails(PractitionerId, CorrectedEventId, "Typo", Dermatologist() with { Name = "" }))
            .ThenRefuses(RefusalCodes.InvalidPractitioner);

    [Fact]
    public void An_unregistered_practitioner_cannot_be_corrected() =>
        Given.Practitioner()
            .When(new CorrectPractitionerDetails(PractitionerId, CorrectedEventId, "Typo", Dermatologist()))
            .ThenRefuses(RefusalCodes.PractitionerNotFound);
}
