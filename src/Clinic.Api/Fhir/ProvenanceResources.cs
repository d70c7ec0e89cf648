using System.Net;
using Clinic.Api.History;
using Clinic.Api.Records;
using Clinic.Api.Signatures;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Signatures;
using Hl7.Fhir.Model;
using Signature = Hl7.Fhir.Model.Signature;

namespace Clinic.Api.Fhir;

/// <summary>
/// One Provenance for every timeline entry about an exported resource: who recorded what, when, and why if it corrects
/// an earlier entry, whose Provenance it names as the revised entity (that entry says what was superseded). A signing
/// entry carries the signature it recorded.
/// </summary>
internal static class ProvenanceResources
{
    private const string DataOperations = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    private const string ParticipantTypes = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    private const string SignatureTypes = "urn:iso-astm:E1762-95:2013";
    private const string AuthorsSignature = "1.2.840.10065.1.12.1.1";
    private const string VerificationSignature = "1.2.840.10065.1.12.1.5";

    public static IReadOnlyList<ExportedResource> Of(PatientState record, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ExportedResource> resources)
    {
        var described = timeline.Select(entry => (Entry: entry, Targets: TargetsOf(entry, resources))).Where(e => e.Targets.Count > 0).ToList();
        var provenanceIds = described.Select(e => e.Entry.EventId).ToHashSet();
        var signatures = SignaturesByEntry(record, described.Select(e => e.Entry));
        return [.. described.Select(e => ExportedResource.Of(e.Entry.EventId,
            Provenance(e.Entry, e.Targets, provenanceIds, signatures.GetValueOrDefault(e.Entry.EventId)), []))];
    }

    private static List<ExportedResource> TargetsOf(TimelineEntry entry, IReadOnlyList<ExportedResource> resources) =>
        entry.RecordId is { } recordId ? [.. resources.Where(resource => resource.Records.Contains(recordId))] : [];

    private static Provenance Provenance(
        TimelineEntry entry, IReadOnlyList<ExportedResource> targets, IReadOnlySet<Guid> provenanceIds, SignatureView? signature) => new()
    {
        Target = [.. targets.Select(target => FhirIds.To(target.Id))],
        RecordedElement = new Instant(entry.At),
        Activity = new CodeableConcept(DataOperations, entry.Corrects is null ? "CREATE" : "UPDATE") { Text = entry.Type },
        Agent = [new Provenance.AgentComponent
        {
            Type = new CodeableConcept(ParticipantTypes, "author"),
            Role = entry.Role is null ? [] : [new CodeableConcept { Text = entry.Role }],
            Who = UserReference(entry.By, entry.Role),
        }],
        Reason = entry.Reason is null ? [] : [new CodeableConcept { Text = entry.Reason }],
        Entity = entry.Corrects is { } superseded ? [Superseded(superseded, provenanceIds)] : [],
        Signature = signature is null ? [] : [SignatureOf(signature)],
        Text = new Narrative
        {
            Status = Narrative.NarrativeStatus.Generated,
            Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\">{WebUtility.HtmlEncode(entry.Summary)}</div>",
        },
    };

    /// <summary>The entry a correction supersedes: its Provenance when the Bundle has it, its event id in any case.</summary>
    private static Provenance.EntityComponent Superseded(Guid eventId, IReadOnlySet<Guid> provenanceIds)
    {
        var what = provenanceIds.Contains(eventId) ? FhirIds.To(eventId) : new ResourceReference();
        what.Identifier = FhirCodes.IdentifierOf("event", eventId.ToString());
        return new Provenance.EntityComponent { Role = Hl7.Fhir.Model.Provenance.ProvenanceEntityRole.Revision, What = what };
    }

    private static ResourceReference UserReference(string? userId, string? display) => new()
    {
        Identifier = userId is null ? null : FhirCodes.IdentifierOf("user", userId),
        Display = display ?? "unknown",
    };

    /// <summary>
    /// The signature each signing entry recorded: a record's signatures are kept in the order its signing entries were,
    /// so the n-th signing entry of a record recorded its n-th signature.
    /// </summary>
    private static Dictionary<Guid, SignatureView> SignaturesByEntry(PatientState record, IEnumerable<TimelineEntry> entries) =>
        entries.Where(IsSigning).GroupBy(entry => entry.RecordId!.Value)
            .SelectMany(signings => signings.Zip(SignaturesOf(record, signings.Key)))
            .ToDictionary(signed => signed.First.EventId, signed => signed.Second);

    private static bool IsSigning(TimelineEntry entry) =>
        EventCatalog.TryGet(entry.Type, out var type) && (type.ClrType == typeof(SessionSigned) || type.ClrType == typeof(SideEffectReviewSigned));

    private static IReadOnlyList<SignatureView> SignaturesOf(PatientState record, Guid recordId) =>
        record.FindSession(recordId) is { } session ? SignatureView.OfSession(record, session)
        : record.FindSideEffect(recordId) is { } sideEffect ? SignatureView.OfReview(record, sideEffect)
        : [];

    /// <summary>
    /// The manifestation of an electronic signature (21 CFR 11.50): no cryptographic signature, so its data is the
    /// SHA-256 of the record's content it signed, and whether it still signs the record goes in an extension.
    /// </summary>
    private static Signature SignatureOf(SignatureView signature) => new()
    {
        Type = [new Coding(SignatureTypes, signature.Meaning == SignatureMeaning.Performed ? AuthorsSignature : VerificationSignature)],
        WhenElement = new Instant(signature.SignedAt),
        Who = new ResourceReference { Identifier = FhirCodes.IdentifierOf("user", signature.SignerId), Display = signature.PrintedName },
        Data = Convert.FromHexString(signature.SignedHash),
        Extension = [new Extension(FhirCodes.ExtensionOf("signature-state"), new Code(EnumNames.Of(signature.State)))],
    };
}
