using Clinic.Api.History;
using Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>
/// A patient's record as a FHIR R4 collection Bundle, from what her history read gives: the state (corrected values
/// only) for the resources, the timeline for their provenance. docs/fhir.md maps it element by element. Its timestamp is
/// when it was assembled, as R4 says; the moment the record is shown as of, when asked for, is an extension of its meta
/// (a Bundle, not being a domain resource, has no extensions of its own).
/// </summary>
internal static class PatientBundle
{
    public const string AsOfExtension = "as-of";

    public static Bundle Of(PatientHistory history, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset? asOf, DateTimeOffset assembledAt, FhirCodes codes)
    {
        var record = history.Record;
        List<ExportedResource> resources =
        [
            PatientResources.Patient(record, codes),
            .. PatientResources.Practitioners(record, codes),
            .. ConsentResources.Of(record, codes),
            .. AllergyResources.Of(record),
            .. TreatmentResources.Procedures(record, codes),
            .. TreatmentResources.Medications(record),
            .. TreatmentResources.Administrations(record),
            .. AdverseEventResources.Of(record, codes),
        ];
        return new Bundle
        {
            Type = Bundle.BundleType.Collection,
            TimestampElement = new Instant(assembledAt),
            Meta = asOf is { } moment ? new Meta { Extension = [new Extension(codes.ExtensionOf(AsOfExtension), new Instant(moment))] } : null,
            Entry = [.. resources.Concat(ProvenanceResources.Of(record, timeline, resources, codes))
                .Select(exported => new Bundle.EntryComponent { FullUrl = FhirIds.UrlOf(exported.Id), Resource = exported.Resource })],
        };
    }
}
