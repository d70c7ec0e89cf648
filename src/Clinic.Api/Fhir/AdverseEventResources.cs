using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;
using Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>
/// Every side effect, with its corrected details and outcome: the products of its session are the suspected entities.
/// One reviewed as reported in error (not serious or severe, or not this patient's) is left out: R4's AdverseEvent has
/// no status to say so, and as an actual event it would name her lot as the suspect of a reaction she did not have.
/// R4's seriousness and severity are coarser than the domain's: the domain's grade and criteria go with them.
/// </summary>
internal static class AdverseEventResources
{
    private const string Seriousnesses = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
    private const string Severities = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    private const string Outcomes = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

    public static IEnumerable<ExportedResource> Of(PatientState record, FhirCodes codes) =>
        record.SideEffects.Where(sideEffect => !sideEffect.ReportedInError).Select(sideEffect => ExportedResource.Of(sideEffect.SideEffectId, new AdverseEvent
        {
            Actuality = AdverseEvent.AdverseEventActuality.Actual,
            Event = codes.Of(sideEffect.Details.Kind),
            Subject = FhirIds.To(record.PatientId),
            DateElement = new FhirDateTime(sideEffect.Details.OnsetAt),
            DetectedElement = new FhirDateTime(sideEffect.Details.AwareAt),
            Seriousness = SeriousnessOf(sideEffect.Details),
            Severity = SeverityOf(sideEffect.Details.Severity, codes),
            Outcome = OutcomeOf(sideEffect.Resolution),
            SuspectEntity = [.. SuspectedProducts(record, sideEffect.Details)],
            Extension = [.. sideEffect.Details.Seriousness.Select(criterion => new Extension(codes.ExtensionOf("seriousness-criterion"), codes.Of(criterion)))],
        }, [sideEffect.SideEffectId]));

    private static CodeableConcept SeriousnessOf(SideEffectDetails details) =>
        details.Serious ? new CodeableConcept(Seriousnesses, "Serious", "Serious") : new CodeableConcept(Seriousnesses, "Non-serious", "Non-serious");

    /// <summary>HL7's mild, moderate or severe (life-threatening and fatal are severe), and the domain's grade beside it.</summary>
    private static CodeableConcept SeverityOf(Severity severity, FhirCodes codes)
    {
        var concept = codes.Of(severity);
        var coarse = severity switch
        {
            Severity.Mild => "mild",
            Severity.Moderate => "moderate",
            _ => "severe",
        };
        concept.Coding.Insert(0, new Coding(Severities, coarse, coarse));
        return concept;
    }

    /// <summary>A side effect not resolved yet is ongoing.</summary>
    private static CodeableConcept OutcomeOf(SideEffectResolved? resolution)
    {
        var code = resolution?.Outcome switch
        {
            null or SideEffectOutcome.NotRecovered => "ongoing",
            SideEffectOutcome.Recovered => "resolved",
            SideEffectOutcome.Recovering => "recovering",
            SideEffectOutcome.RecoveredWithSequelae => "resolvedWithSequelae",
            SideEffectOutcome.Fatal => "fatal",
            _ => "unknown",
        };
        return new CodeableConcept(Outcomes, code, code);
    }

    private static IEnumerable<AdverseEvent.SuspectEntityComponent> SuspectedProducts(PatientState record, SideEffectDetails details) =>
        (details.SessionId is { } sessionId && record.FindSession(sessionId)?.Treatment is { } treatment ? treatment.Products : [])
        .Select(product => TreatmentResources.MedicationIdOf(record.PatientId, product)).Distinct()
        .Select(medicationId => new AdverseEvent.SuspectEntityComponent { Instance = FhirIds.To(medicationId) });
}
