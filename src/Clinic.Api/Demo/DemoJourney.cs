using Clinic.Domain.AllergyTests;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.Demo;

/// <summary>One demo patient from registration to the end of their story, command by command as the clinic would record it.</summary>
internal sealed class DemoJourney(DemoPatientRecord record, DemoClinic clinic, DemoPatient patient)
{
    public const string ConsentForm = "MESO-CONSENT-v4";

    private enum ReadingOutcome { Clean, Reaction, NotYetRead }

    /// <summary>Who sees the patient: a licensed practitioner, or for a few, the one whose licence has since lapsed.</summary>
    private DemoPractitioner Practitioner =>
        clinic.PractitionerOf(record.Number, patient.Story is Treated treated && treated.Twists.HasFlag(DemoTwist.TreatedByLapsedPractitioner));

    public async Task RunAsync(CancellationToken ct)
    {
        await record.RecordAsync(new RegisterPatient(record.PatientId, record.ClinicId, Details(), clinic.Now), DemoActor.Reception, ct);
        switch (patient.Story)
        {
            case Ineligible ineligible:
                await ScreenAsync(clinic.Today.AddDays(-2 - record.Number % 20), ineligible.Reasons, ct);
                break;
            case Deferred:
                await ScreenAsync(clinic.Today.AddDays(-1), [ScreeningReasons.RecentNsaid], ct);
                break;
            case Consulted:
                await ConsultAsync(clinic.Today.AddDays(-4 - record.Number % 10), ConsentScope.Face, toldNotApprovedForFatRemoval: false,
                    [DemoProtocols.Anaesthetic], ReadingOutcome.Clean, ct);
                break;
            case AwaitingAllergyReading awaiting:
                await ConsultAsync(clinic.Today.AddDays(-1), awaiting.Protocol.Consent, awaiting.Protocol.Indication.NeedsFatRemovalDisclosure(),
                    Substances(awaiting.Protocol, reaction: false), ReadingOutcome.NotYetRead, ct);
                await PlanAsync(clinic.Today.AddDays(-1), awaiting.Protocol, ct);
                break;
            case Treated treated:
                await TreatAsync(treated, ct);
                break;
        }
    }

    private async Task TreatAsync(Treated treated, CancellationToken ct)
    {
        var reaction = treated.Twists.HasFlag(DemoTwist.AllergyReaction);
        var course = new DemoCourse(record, clinic, treated, Practitioner);
        await ConsultAsync(course.ConsultedOn, treated.Protocol.Consent, treated.Protocol.Indication.NeedsFatRemovalDisclosure(),
            Substances(treated.Protocol, reaction),
            reaction ? ReadingOutcome.Reaction : ReadingOutcome.Clean, ct);
        await course.RunAsync(await PlanAsync(course.ConsultedOn, treated.Protocol, ct), ct);
    }

    /// <summary>Screens the patient and checks that the rules found exactly the reasons the story expects.</summary>
    private async Task ScreenAsync(DateOnly on, IReadOnlyList<string> expectedReasons, CancellationToken ct)
    {
        var answers = DemoAnswers.With(expectedReasons, on, patient.DeclaredAllergy);
        var events = await record.RecordAsync(new ScreenPatient(record.PatientId, Guid.CreateVersion7(), on, answers, clinic.Policy, clinic.Now), Practitioner.Actor, ct);
        var found = events.OfType<PatientScreened>().Single().Assessment.Reasons;
        if (!found.SequenceEqual(expectedReasons))
            throw new InvalidOperationException(
                $"Demo patient {record.Number} was expected to be screened with [{string.Join(", ", expectedReasons)}], not [{string.Join(", ", found)}].");
    }

    /// <summary>
    /// The consultation of an eligible patient: screening, informed consent (telling those treated for fat or cellulite that
    /// fat removal is not an approved use) and an allergy test dose, read two days later.
    /// </summary>
    private async Task ConsultAsync(
        DateOnly on, ConsentScope scope, bool toldNotApprovedForFatRemoval, IReadOnlyList<string> substances, ReadingOutcome reading, CancellationToken ct)
    {
        await ScreenAsync(on, [], ct);
        var terms = new ConsentTerms([scope], ConsentForm, DemoClinic.At(on, 10, 15), toldNotApprovedForFatRemoval);
        await record.RecordAsync(new RecordConsent(record.PatientId, Guid.CreateVersion7(), terms, clinic.Now), Practitioner.Actor, ct);
        var testId = Guid.CreateVersion7();
        await record.RecordAsync(new RecordAllergyTest(record.PatientId, testId, substances, DemoClinic.At(on, 10, 30), clinic.Now), Practitioner.Actor, ct);
        if (reading != ReadingOutcome.NotYetRead)
            await record.RecordAsync(new ReadAllergyTest(record.PatientId, testId, Reading(on.AddDays(2), reading), clinic.Policy, clinic.Now), Practitioner.Actor, ct);
    }

    private async Task<Guid> PlanAsync(DateOnly on, DemoProtocol protocol, CancellationToken ct)
    {
        var planId = Guid.CreateVersion7();
        await record.RecordAsync(new CreateTreatmentPlan(record.PatientId, planId, on, protocol.Plan, clinic.Policy), Practitioner.Actor, ct);
        return planId;
    }

    private PatientDetails Details() =>
        new(patient.FirstName, patient.LastName, DateOfBirth(), patient.Sex, $"+351 912 345 {record.Number:000}", Email());

    /// <summary>Spreads birthdays over the year; the age in whole years stays the story's.</summary>
    private DateOnly DateOfBirth() => clinic.Today.AddYears(-patient.Age).AddDays(-(record.Number * 37 % 365));

    /// <summary>Only some patients give an email address (here, those whose name needs no accents in one).</summary>
    private string? Email() =>
        $"{patient.FirstName}{patient.LastName}".All(char.IsAsciiLetter) ? $"{patient.FirstName}.{patient.LastName}@example.com".ToLowerInvariant() : null;

    private static IReadOnlyList<string> Substances(DemoProtocol protocol, bool reaction) => DemoProtocols.TestedSubstances(protocol, reaction);

    private static AllergyReading Reading(DateOnly on, ReadingOutcome outcome) => DemoAnswers.Reading(on, outcome == ReadingOutcome.Reaction);
}
