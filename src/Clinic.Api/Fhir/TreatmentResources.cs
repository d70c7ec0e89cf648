using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;
using Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>
/// Every performed session as a Procedure (its corrected record), every product lot used as a Medication, and every
/// product injected in a session as a MedicationAdministration of its lot, part of the session's Procedure.
/// </summary>
internal static class TreatmentResources
{
    private const string ProcedureCodes = "procedure";
    private const string Mesotherapy = "mesotherapy";

    public sealed record PerformedSession(Session Session, DateTimeOffset PerformedAt, PerformedTreatment Treatment);

    public static IEnumerable<PerformedSession> Performed(PatientState record) =>
        record.Sessions.Select(session => session is { Status: SessionStatus.Performed, PerformedAt: { } at, Treatment: { } treatment }
            ? new PerformedSession(session, at, treatment)
            : null).OfType<PerformedSession>();

    /// <summary>The Medication of a product lot: one per product name and lot number in the patient's record.</summary>
    public static Guid MedicationIdOf(Guid patientId, ProductUsed product) =>
        FhirIds.Derived(patientId, $"medication:{product.Name}\n{product.LotNumber}");

    public static IEnumerable<ExportedResource> Procedures(PatientState record) =>
        Performed(record).Select(performed => ExportedResource.Of(performed.Session.SessionId, new Procedure
        {
            Status = EventStatus.Completed,
            Code = new CodeableConcept(FhirCodes.SystemOf(ProcedureCodes), Mesotherapy, "Mesotherapy"),
            Subject = FhirIds.To(record.PatientId),
            Performed = new FhirDateTime(performed.PerformedAt),
            Performer = [new Procedure.PerformerComponent { Actor = FhirIds.To(performed.Session.PractitionerId) }],
            BodySite = [.. performed.Treatment.Areas.Select(FhirCodes.Of)],
            Extension = [.. TechniqueAndDepth(performed.Treatment)],
        }, [performed.Session.SessionId]));

    public static IEnumerable<ExportedResource> Medications(PatientState record) =>
        Performed(record)
            .SelectMany(performed => performed.Treatment.Products.Select(product => (Id: MedicationIdOf(record.PatientId, product), product, performed.Session.SessionId)))
            .GroupBy(used => used.Id)
            .Select(lot => ExportedResource.Of(lot.Key, new Medication
            {
                Code = new CodeableConcept { Text = lot.First().product.Name },
                Batch = new Medication.BatchComponent { LotNumber = lot.First().product.LotNumber },
                Ingredient = [.. lot.First().product.Substances.Select(substance => new Medication.IngredientComponent { Item = new CodeableConcept { Text = substance } })],
            }, [.. lot.Select(used => used.SessionId).Distinct()]));

    /// <summary>One per product of a session, in the order recorded: its id is the session's and the product's place in it.</summary>
    public static IEnumerable<ExportedResource> Administrations(PatientState record) =>
        Performed(record).SelectMany(performed => performed.Treatment.Products.Select((product, index) => ExportedResource.Of(
            FhirIds.Derived(performed.Session.SessionId, $"medication-administration:{index}"), new MedicationAdministration
            {
                Status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
                Medication = FhirIds.To(MedicationIdOf(record.PatientId, product)),
                Subject = FhirIds.To(record.PatientId),
                Effective = new FhirDateTime(performed.PerformedAt),
                PartOf = [FhirIds.To(performed.Session.SessionId)],
                Performer = [new MedicationAdministration.PerformerComponent { Actor = FhirIds.To(performed.Session.PractitionerId) }],
                Dosage = new MedicationAdministration.DosageComponent { Dose = FhirCodes.Ucum(product.VolumeMl, "mL") },
            }, [performed.Session.SessionId])));

    /// <summary>R4's Procedure has no element for how or how deep the product went in: two extensions of the clinic's.</summary>
    private static IEnumerable<Extension> TechniqueAndDepth(PerformedTreatment treatment)
    {
        yield return new Extension(FhirCodes.ExtensionOf("technique"), FhirCodes.Of(treatment.Technique));
        if (treatment.DepthMm is { } depth)
            yield return new Extension(FhirCodes.ExtensionOf("injection-depth"), FhirCodes.Ucum(depth, "mm"));
    }
}
