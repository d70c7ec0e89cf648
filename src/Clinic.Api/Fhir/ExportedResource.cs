using Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>
/// A resource of the export under its <see cref="Id"/>, with the domain records it shows (<see cref="Records"/>: their
/// timeline entries are its provenance).
/// </summary>
internal sealed record ExportedResource(Guid Id, Resource Resource, IReadOnlyList<Guid> Records)
{
    public static ExportedResource Of(Guid id, Resource resource, IReadOnlyList<Guid> records)
    {
        resource.Id = id.ToString();
        return new ExportedResource(id, resource, records);
    }
}
