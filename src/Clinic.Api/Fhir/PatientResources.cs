using Clinic.Domain.Patients;
using Hl7.Fhir.Model;
using R4 = Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>The patient, and the practitioners who performed her sessions (by id: their details are in their own records).</summary>
internal static class PatientResources
{
    /// <summary>An erased patient has no <see cref="PatientState.Details"/>: she is exported by her id alone.</summary>
    public static ExportedResource Patient(PatientState record, FhirCodes codes)
    {
        var patient = new R4.Patient { Identifier = [codes.IdentifierOf("patient", record.PatientId.ToString())] };
        if (record.Details is { } details)
        {
            patient.Name = [new HumanName { Family = details.LastName, Given = [details.FirstName] }];
            patient.BirthDate = details.DateOfBirth.ToString("yyyy-MM-dd");
            patient.Gender = GenderOf(details.Sex);
            patient.Telecom = [.. Telecom(ContactPoint.ContactPointSystem.Phone, details.Phone), .. Telecom(ContactPoint.ContactPointSystem.Email, details.Email)];
        }
        return ExportedResource.Of(record.PatientId, patient, [record.PatientId]);
    }

    public static IEnumerable<ExportedResource> Practitioners(PatientState record, FhirCodes codes) =>
        TreatmentResources.Performed(record).Select(performed => performed.Session.PractitionerId).Distinct()
            .Select(id => ExportedResource.Of(id, new Practitioner { Identifier = [codes.IdentifierOf("practitioner", id.ToString())] }, []));

    private static AdministrativeGender GenderOf(Sex sex) => sex switch
    {
        Sex.Female => AdministrativeGender.Female,
        Sex.Male => AdministrativeGender.Male,
        _ => AdministrativeGender.Other,
    };

    private static IEnumerable<ContactPoint> Telecom(ContactPoint.ContactPointSystem system, string? value) =>
        value is null ? [] : [new ContactPoint(system, null, value)];
}
