using Clinic.Domain.AllergyTests;
using Clinic.Domain.Patients;
using Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>One confirmed allergy for every substance that reacted in an allergy test, shown by the tests it reacted in.</summary>
internal static class AllergyResources
{
    private const string ClinicalStatuses = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    private const string VerificationStatuses = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

    public static IEnumerable<ExportedResource> Of(PatientState record) =>
        record.ReactedSubstances.Select(substance =>
        {
            var tests = record.AllergyTests.Where(test => test.ReactedSubstances.Contains(substance, SubstanceNameComparer.Instance)).ToList();
            return ExportedResource.Of(IdOf(record.PatientId, substance), new AllergyIntolerance
            {
                ClinicalStatus = new CodeableConcept(ClinicalStatuses, "active"),
                VerificationStatus = new CodeableConcept(VerificationStatuses, "confirmed"),
                Type = AllergyIntolerance.AllergyIntoleranceType.Allergy,
                Category = [AllergyIntolerance.AllergyIntoleranceCategory.Medication],
                Code = new CodeableConcept { Text = substance },
                Patient = FhirIds.To(record.PatientId),
                RecordedDateElement = new FhirDateTime(tests.Min(test => test.Reading!.ReadAt)),
                LastOccurrenceElement = new FhirDateTime(tests.Max(test => test.AppliedAt)),
            }, [.. tests.Select(test => test.TestId)]);
        });

    private static Guid IdOf(Guid patientId, string substance) =>
        FhirIds.Derived(patientId, $"allergy-intolerance:{SubstanceNameComparer.Key(substance)}");
}
