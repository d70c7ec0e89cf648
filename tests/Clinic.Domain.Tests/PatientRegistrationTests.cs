using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class PatientRegistrationTests
{
    [Fact]
    public void Registering_records_identity_and_contact() =>
        Given.Patient()
            .When(new RegisterPatient(PatientId, ClinicId, MariaDetails, Now))
            .ThenEmits(new PatientRegistered(PatientId, ClinicId,
                new PatientDetails("Maria", "Costa", new DateOnly(1990, 5, 20), Sex.Female, "+351 912 345 678", "maria.costa@example.org"), Now));

    [Fact]
    public void Contact_details_are_optional() =>
        Given.Patient()
            .When(new RegisterPatient(PatientId, ClinicId, MariaDetails with { Phone = null, Email = null }, Now))
            .ThenEmitsSingle<PatientRegistered>().Details.Email.ShouldBeNull();

    [Fact]
    public void Registering_twice_is_refused() =>
        Given.Patient(Registered)
            .When(new RegisterPatient(PatientId, ClinicId, MariaDetails, Now))
            .ThenRefuses(RefusalCodes.AlreadyRegistered);

    [Theory]
    [InlineData("", "Costa")]
    [InlineData("Maria", "  ")]
    public void A_patient_needs_a_first_and_last_name(string firstName, string lastName) =>
        Given.Patient()
            .When(new RegisterPatient(PatientId, ClinicId, MariaDetails with { FirstName = firstName, LastName = lastName }, Now))
            .ThenRefuses(RefusalCodes.InvalidPatient);

    [Theory]
    [InlineData("maria")]
    [InlineData("@example.org")]
    [InlineData("maria@")]
    [InlineData("maria costa@example.org")]
    public void A_malformed_email_is_refused(string email) =>
        Given.Patient()
            .When(new RegisterPatient(PatientId, ClinicId, MariaDetails with { Email = email }, Now))
            .ThenRefuses(RefusalCodes.InvalidPatient);

    [Fact]
    public void A_blank_phone_number_is_refused() =>
        Given.Patient()
            .When(new RegisterPatient(PatientId, ClinicId, MariaDetails with { Phone = " " }, Now))
            .ThenRefuses(RefusalCodes.InvalidPatient);

    [Fact]
    public void Commands_for_an_unregistered_patient_are_refused() =>
        Given.Patient()
            .When(new RecordConsent(PatientId, ConsentId, FullConsent.Terms, Now))
            .ThenRefuses(RefusalCodes.PatientNotFound);

    [Fact]
    public void Commands_naming_another_patient_are_refused() =>
        Given.Patient(Registered)
            .When(new RecordConsent(Guid.NewGuid(), ConsentId, FullConsent.Terms, Now))
            .ThenRefuses(RefusalCodes.PatientNotFound);

    [Fact]
    public void A_command_the_patient_stream_does_not_decide_is_refused() =>
        Given.Patient(Registered)
            .When(new UnknownPatientCommand(PatientId))
            .ThenRefuses(RefusalCodes.UnsupportedCommand);

    private sealed record UnknownPatientCommand(Guid PatientId) : IPatientCommand;
}
