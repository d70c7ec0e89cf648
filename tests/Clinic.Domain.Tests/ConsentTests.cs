using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class ConsentTests
{
    [Fact]
    public void Recording_consent_keeps_scope_form_version_and_signature_time()
    {
        var terms = new ConsentTerms([ConsentScope.Face, ConsentScope.Hair], "consent-form-v3", At(3, 1, 9));

        Given.Patient(Registered)
            .When(new RecordConsent(PatientId, ConsentId, terms, Now))
            .ThenEmits(new ConsentRecorded(PatientId, ConsentId,
                new ConsentTerms([ConsentScope.Face, ConsentScope.Hair], "consent-form-v3", At(3, 1, 9))));
    }

    [Fact]
    public void A_consent_names_at_least_one_scope() =>
        Given.Patient(Registered)
            .When(new RecordConsent(PatientId, ConsentId, new ConsentTerms([], "consent-form-v3", At(3, 1, 9)), Now))
            .ThenRefuses(RefusalCodes.InvalidConsent);

    [Fact]
    public void A_consent_names_its_form_version() =>
        Given.Patient(Registered)
            .When(new RecordConsent(PatientId, ConsentId, new ConsentTerms([ConsentScope.Body], "", At(3, 1, 9)), Now))
            .ThenRefuses(RefusalCodes.InvalidConsent);

    [Fact]
    public void A_consent_id_is_used_once() =>
        Given.Patient(Registered, FullConsent)
            .When(new RecordConsent(PatientId, ConsentId, FullConsent.Terms, Now))
            .ThenRefuses(RefusalCodes.DuplicateId);

    [Fact]
    public void The_patient_consents_to_every_scope_of_every_consent() =>
        Given.Patient(Registered, ConsentTo(ConsentScope.Face), ConsentTo(ConsentScope.Hair) with { ConsentId = Guid.NewGuid() })
            .State.ConsentScopes.ShouldBe([ConsentScope.Face, ConsentScope.Hair], ignoreOrder: true);
}
