using Clinic.Domain.Patients;
using Hl7.Fhir.Model;
using R4 = Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>
/// Every informed consent, with its corrected terms: a treatment consent permitting the scopes it names. R4 wants a
/// policy or a policy rule (ppc-1): the patient opted in, on the clinic's consent form of the version signed.
/// </summary>
internal static class ConsentResources
{
    private const string ConsentScopes = "http://terminology.hl7.org/CodeSystem/consentscope";
    private const string Loinc = "http://loinc.org";
    private const string PatientConsent = "59284-0";
    private const string ActCodes = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    public static IEnumerable<ExportedResource> Of(PatientState record, FhirCodes codes) =>
        record.Consents.Select(consent => ExportedResource.Of(consent.ConsentId, new R4.Consent
        {
            Status = R4.Consent.ConsentState.Active,
            Scope = new CodeableConcept(ConsentScopes, "treatment", "Treatment"),
            Category = [new CodeableConcept(Loinc, PatientConsent, "Patient consent")],
            Patient = FhirIds.To(record.PatientId),
            DateTimeElement = new FhirDateTime(consent.Terms.SignedAt),
            Source = new Attachment { Title = consent.Terms.FormVersion },
            PolicyRule = new CodeableConcept(ActCodes, "OPTIN", "opt-in"),
            Provision = new R4.Consent.provisionComponent
            {
                Type = R4.Consent.ConsentProvisionType.Permit,
                Code = [.. consent.Terms.Scopes.Select(codes.Of)],
            },
        }, [consent.ConsentId]));
}
