using Clinic.Domain.Patients;
using Hl7.Fhir.Model;
using R4 = Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>Every informed consent, with its corrected terms: a treatment consent permitting the scopes it names.</summary>
internal static class ConsentResources
{
    private const string ConsentScopes = "http://terminology.hl7.org/CodeSystem/consentscope";
    private const string Loinc = "http://loinc.org";
    private const string PatientConsent = "59284-0";

    public static IEnumerable<ExportedResource> Of(PatientState record) =>
        record.Consents.Select(consent => ExportedResource.Of(consent.ConsentId, new R4.Consent
        {
            Status = R4.Consent.ConsentState.Active,
            Scope = new CodeableConcept(ConsentScopes, "treatment", "Treatment"),
            Category = [new CodeableConcept(Loinc, PatientConsent, "Patient consent")],
            Patient = FhirIds.To(record.PatientId),
            DateTimeElement = new FhirDateTime(consent.Terms.SignedAt),
            Source = new Attachment { Title = consent.Terms.FormVersion },
            Provision = new R4.Consent.provisionComponent
            {
                Type = R4.Consent.ConsentProvisionType.Permit,
                Code = [.. consent.Terms.Scopes.Select(FhirCodes.Of)],
            },
        }, [consent.ConsentId]));
}
