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

    public static IEnumerable<ExportedResource> Procedures(PatientState record, FhirCodes codes) =>
        Performed(record).Select(performed => ExportedResource.Of(performed.Session.SessionId, new Procedure
        {
            Status = EventStatus.Completed,
            Code = new CodeableConcept(codes.SystemOf(ProcedureCodes), Mesotherapy, "Mesotherapy"),
            Subject = FhirIds.To(record.PatientId),
            Performed = new FhirDateTime(performed.PerformedAt),
            Performer = [new Procedure.PerformerComponent { Actor = FhirIds.To(performed.Session.PractitionerId) }],
            BodySite = [.. performed.Treatment.Areas.Select(codes.Of)],
            Extension = [.. TechniqueAndDepth(performed.Treatment, codes)],
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

    /// <summary>One per product of a session, in the order recorded.</summary>
    public static IEnumerable<ExportedResource> Administrations(PatientState record) =>
        Performed(record).SelectMany(performed => performed.Treatment.Products.Select((product, index) => ExportedResource.Of(
            AdministrationIdOf(performed.Session.SessionId, performed.Treatment.Products, index), new MedicationAdministration
            {
                Status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
                Medication = FhirIds.To(MedicationIdOf(record.PatientId, product)),
                Subject = FhirIds.To(record.PatientId),
                Effective = new FhirDateTime(performed.PerformedAt),
                PartOf = [FhirIds.To(performed.Session.SessionId)],
                Performer = [new MedicationAdministration.PerformerComponent { Actor = FhirIds.To(performed.Session.PractitionerId) }],
                Dosage = new MedicationAdministration.DosageComponent { Dose = FhirCodes.Ucum(product.VolumeMl, "mL") },
            }, [performed.Session.SessionId])));

    /// <summary>
    /// Named by the session, the product and its lot, so a correction that reorders or removes products leaves each id
    /// meaning the same product; the same product and lot recorded twice in a session are told apart by their turn.
    /// </summary>
    private static Guid AdministrationIdOf(Guid sessionId, IReadOnlyList<ProductUsed> products, int index)
    {
        var product = products[index];
        var turn = products.Take(index).Count(earlier => earlier.Name == product.Name && earlier.LotNumber == product.LotNumber);
        return FhirIds.Derived(sessionId, $"medication-administration:{product.Name}\n{product.LotNumber}\n{turn}");
    }

    /// <summary>R4's Procedure has no element for how or how deep the product went in: two extensions of the clinic's.</summary>
    private static IEnumerable<Extension> TechniqueAndDepth(PerformedTreatment treatment, FhirCodes codes)
    {
        yield return new Extension(codes.ExtensionOf("technique"), codes.Of(treatment.Technique));
        if (treatment.DepthMm is { } depth)
            yield return new Extension(codes.ExtensionOf("injection-depth"), FhirCodes.Ucum(depth, "mm"));
    }
}
