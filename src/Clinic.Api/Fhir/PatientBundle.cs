using Clinic.Api.History;
using Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>
/// A patient's record as a FHIR R4 collection Bundle, from what her history read gives: the state (corrected values
/// only) for the resources, the timeline for their provenance. docs/fhir.md maps it element by element.
/// </summary>
internal static class PatientBundle
{
    public static Bundle Of(PatientHistory history, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset asOf)
    {
        var record = history.Record;
        List<ExportedResource> resources =
        [
            PatientResources.Patient(record),
            .. PatientResources.Practitioners(record),
            .. ConsentResources.Of(record),
            .. AllergyResources.Of(record),
            .. TreatmentResources.Procedures(record),
            .. TreatmentResources.Medications(record),
            .. TreatmentResources.Administrations(record),
            .. AdverseEventResources.Of(record),
        ];
        return new Bundle
        {
            Type = Bundle.BundleType.Collection,
            TimestampElement = new Instant(asOf),
            Entry = [.. resources.Concat(ProvenanceResources.Of(record, timeline, resources))
                .Select(exported => new Bundle.EntryComponent { FullUrl = FhirIds.UrlOf(exported.Id), Resource = exported.Resource })],
        };
    }
}
