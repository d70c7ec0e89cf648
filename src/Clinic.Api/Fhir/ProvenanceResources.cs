using System.Net;
using Clinic.Api.History;
using Clinic.Api.Records;
using Clinic.Api.Signatures;
using Clinic.Domain.Common;
using Clinic.Domain.Erasure;
using Clinic.Domain.Patients;
using Clinic.Domain.Signatures;
using Hl7.Fhir.Model;
using Signature = Hl7.Fhir.Model.Signature;

namespace Clinic.Api.Fhir;

/// <summary>
/// One Provenance for every timeline entry about an exported resource: who recorded what, when, and why if it corrects
/// an earlier entry, whose Provenance it names as the revised entity (that entry says what was superseded). A signing
/// entry carries the signature it recorded, when that is certain.
/// </summary>
internal static class ProvenanceResources
{
    private const string DataOperations = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    private const string ParticipantTypes = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    private const string SignatureTypes = "urn:iso-astm:E1762-95:2013";
    private const string AuthorsSignature = "1.2.840.10065.1.12.1.1";
    private const string VerificationSignature = "1.2.840.10065.1.12.1.5";

    public static IReadOnlyList<ExportedResource> Of(PatientState record, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ExportedResource> resources, FhirCodes codes)
    {
        var described = timeline.Select(entry => (Entry: entry, Targets: TargetsOf(entry, resources))).Where(e => e.Targets.Count > 0).ToList();
        var provenanceIds = described.Select(e => e.Entry.EventId).ToHashSet();
        var signatures = SignaturesByEntry(record, described.Select(e => e.Entry));
        return [.. described.Select(e => ExportedResource.Of(e.Entry.EventId,
            Provenance(e.Entry, e.Targets, provenanceIds, signatures.GetValueOrDefault(e.Entry.EventId), codes), []))];
    }

    private static List<ExportedResource> TargetsOf(TimelineEntry entry, IReadOnlyList<ExportedResource> resources) =>
        entry.RecordId is { } recordId ? [.. resources.Where(resource => resource.Records.Contains(recordId))] : [];

    private static Provenance Provenance(
        TimelineEntry entry, IReadOnlyList<ExportedResource> targets, IReadOnlySet<Guid> provenanceIds, SignatureView? signature, FhirCodes codes) => new()
    {
        Target = [.. targets.Select(target => FhirIds.To(target.Id))],
        RecordedElement = new Instant(entry.At),
        Activity = new CodeableConcept(DataOperations, ActivityOf(entry)) { Text = entry.Type },
        Agent = [new Provenance.AgentComponent
        {
            Type = new CodeableConcept(ParticipantTypes, "author"),
            Role = entry.Role is null ? [] : [new CodeableConcept { Text = entry.Role }],
            Who = UserReference(entry.By, signature?.PrintedName, codes),
        }],
        Reason = entry.Reason is null ? [] : [new CodeableConcept { Text = entry.Reason }],
        Entity = entry.Corrects is { } superseded ? [Superseded(superseded, provenanceIds, codes)] : [],
        Signature = signature is null ? [] : [SignatureOf(signature, codes)],
        Text = new Narrative
        {
            Status = Narrative.NarrativeStatus.Generated,
            Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\">{WebUtility.HtmlEncode(entry.Summary)}</div>",
        },
    };

    /// <summary>An erasure makes the patient's identity unreadable for good: a deletion, not a new record.</summary>
    private static string ActivityOf(TimelineEntry entry) =>
        entry.Corrects is not null ? "UPDATE"
        : EventCatalog.TryGet(entry.Type, out var type) && type.ClrType == typeof(PatientErased) ? "DELETE"
        : "CREATE";

    /// <summary>The entry a correction supersedes: its Provenance when the Bundle has it, its event id in any case.</summary>
    private static Provenance.EntityComponent Superseded(Guid eventId, IReadOnlySet<Guid> provenanceIds, FhirCodes codes)
    {
        var what = provenanceIds.Contains(eventId) ? FhirIds.To(eventId) : new ResourceReference();
        what.Identifier = codes.IdentifierOf("event", eventId.ToString());
        return new Provenance.EntityComponent { Role = Hl7.Fhir.Model.Provenance.ProvenanceEntityRole.Revision, What = what };
    }

    /// <summary>The recorder by user id, and by printed name when a signature gives it (a timeline entry has none).</summary>
    private static ResourceReference UserReference(string? userId, string? printedName, FhirCodes codes) => userId is null
        ? new ResourceReference { Display = "unknown" }
        : new ResourceReference { Identifier = codes.IdentifierOf("user", userId), Display = printedName };

    /// <summary>
    /// The signature each signing entry recorded. A record's signatures are kept in the order of its signing entries,
    /// so they pair up in order, but only when every signing of the record is among the entries and each pair has the
    /// same signer: an entry stored before <c>recordId</c> was kept is missing from them, and pairing the rest by
    /// position would give later entries earlier signatures. A record whose signings do not all pair gets none.
    /// </summary>
    private static Dictionary<Guid, SignatureView> SignaturesByEntry(PatientState record, IEnumerable<TimelineEntry> entries) =>
        entries.Where(IsSigning).GroupBy(entry => entry.RecordId!.Value)
            .SelectMany(signings => Paired([.. signings], SignaturesOf(record, signings.Key)))
            .ToDictionary(signed => signed.Entry.EventId, signed => signed.Signature);

    private static IEnumerable<(TimelineEntry Entry, SignatureView Signature)> Paired(IReadOnlyList<TimelineEntry> signings, IReadOnlyList<SignatureView> signatures)
    {
        var pairs = signings.Zip(signatures, (entry, signature) => (Entry: entry, Signature: signature)).ToList();
        return signings.Count == signatures.Count && pairs.All(pair => pair.Entry.By == pair.Signature.SignerId) ? pairs : [];
    }

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
    private static Signature SignatureOf(SignatureView signature, FhirCodes codes) => new()
    {
        Type = [new Coding(SignatureTypes, signature.Meaning == SignatureMeaning.Performed ? AuthorsSignature : VerificationSignature)],
        WhenElement = new Instant(signature.SignedAt),
        Who = new ResourceReference { Identifier = codes.IdentifierOf("user", signature.SignerId), Display = signature.PrintedName },
        Data = Convert.FromHexString(signature.SignedHash),
        Extension = [new Extension(codes.ExtensionOf("signature-state"), new Code(EnumNames.Of(signature.State)))],
    };
}
