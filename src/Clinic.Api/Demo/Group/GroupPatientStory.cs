using Clinic.Domain.AllergyTests;
using Clinic.Domain.Consent;
using Clinic.Domain.Corrections;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.Demo.Group;

/// <summary>
/// One generated patient's years at a clinic of the group, command by command in time order up to the clinic's now:
/// registration; a consultation (screening: some ineligible, some deferred a week for an NSAID; consent; an allergy
/// test read two days later); a treatment plan and its sessions, each booked at the end of the one before, with
/// cancellations, no-shows, side effects at the rates of <see cref="GroupRates"/> (reviewed, notified and resolved),
/// corrections, and the practitioner's look at the history before each session; then, for some, a maintenance course
/// months later. A few are long-treated: a course a year from the first months of the history, each session also
/// looked at by a clinician, about 200 events. The story stops at now: the next session stays booked.
/// </summary>
internal sealed class GroupPatientStory(GroupPatientRecord record, Random random)
{
    private static readonly IReadOnlyList<string> IneligibleReasons =
    [
        ScreeningReasons.Pregnant, ScreeningReasons.Breastfeeding, ScreeningReasons.InsulinDependentDiabetes,
        ScreeningReasons.CancerMultiDrugTherapy, ScreeningReasons.HeartDiseaseMultiDrugTherapy, ScreeningReasons.StrokeHistory,
        ScreeningReasons.LiverDisorder, ScreeningReasons.KidneyDisorder,
    ];

    private GroupClinic Clinic => record.Clinic;
    private DateTimeOffset Now => Clinic.Now;
    private bool _ended;
    private bool _longTreated;

    /// <summary>Whether the patient's allergy test reacted to <see cref="DemoProtocols.ReactingSubstance"/>: no later course uses it.</summary>
    private bool _reacted;
    private DemoPractitioner _practitioner = null!;

    /// <summary>Patient <paramref name="number"/>'s whole story at the clinic, drawn from <paramref name="random"/>.</summary>
    public static GroupPatientRecord Tell(GroupClinic clinic, int number, Random random)
    {
        var record = new GroupPatientRecord(clinic, new SeedIds(random).Next(), number);
        new GroupPatientStory(record, random).Tell();
        record.FireTimersDueBy(clinic.Now);
        return record;
    }

    private void Tell()
    {
        _longTreated = random.NextDouble() < GroupRates.LongTreated;
        _practitioner = Clinic.Calendar.Practitioners[random.Next(Clinic.Calendar.Practitioners.Count)];
        var registeredOn = _longTreated
            ? Day(Clinic.Start).AddDays(random.Next(7, 120))
            : Day(Clinic.Start).AddDays(random.Next(7, (int)(Now - Clinic.Start).TotalDays - 3));
        var age = random.NextDouble() < GroupRates.Under18 ? random.Next(15, 18) : random.Next(19, 75);
        var sample = DemoPatients.All[random.Next(DemoPatients.All.Count)];
        var surname = DemoPatients.All[random.Next(DemoPatients.All.Count)].LastName;
        var details = new PatientDetails(sample.FirstName, surname, registeredOn.AddYears(-age).AddDays(-random.Next(1, 360)), sample.Sex,
            $"+351 9{random.Next(10_000_000, 99_999_999)}", random.NextDouble() < 0.6 ? $"patient{record.Number}@example.com" : null);
        record.Record(new RegisterPatient(record.PatientId, Clinic.ClinicId, details, At(registeredOn, 9, 30)), At(registeredOn, 9, 30), Clinic.Reception);

        var roll = random.NextDouble();
        if (roll < GroupRates.NeverScreened)
            return;
        var consultOn = registeredOn.AddDays(random.Next(0, 8));
        if (age < 18 || roll < GroupRates.NeverScreened + GroupRates.Ineligible)
        {
            Screen(consultOn, age < 18 ? [] : [IneligibleReasons[random.Next(IneligibleReasons.Count)]]);
            return;
        }
        if (random.NextDouble() < GroupRates.Deferred)
        {
            Screen(consultOn, [ScreeningReasons.RecentNsaid]);
            consultOn = consultOn.AddDays(8);
        }
        Courses(consultOn);
    }

    private void Courses(DateOnly consultOn)
    {
        var courses = _longTreated ? int.MaxValue : random.NextDouble() < GroupRates.SecondCourse ? 2 : 1;
        for (var course = 0; course < courses && !_ended && consultOn < Today.AddDays(-3); course++)
        {
            var lastSessionOn = Course(consultOn, course == 0);
            consultOn = (lastSessionOn ?? consultOn).AddDays(_longTreated ? random.Next(150, 250) : random.Next(180, 400));
        }
    }

    /// <summary>A consultation, a plan and its sessions; returns the date of the last session that took place.</summary>
    private DateOnly? Course(DateOnly consultOn, bool first)
    {
        var reaction = first && random.NextDouble() < GroupRates.AllergyReaction;
        _reacted |= reaction;
        var protocols = DemoProtocols.Catalogue.Where(p => !_reacted || !p.Product.Substances.Contains(DemoProtocols.ReactingSubstance)).ToList();
        var protocol = protocols[random.Next(protocols.Count)];
        if (_longTreated)
            protocol = protocol with { PlannedSessions = 10 };
        Screen(consultOn, []);
        var practitioner = _practitioner.Actor;
        var terms = new ConsentTerms([protocol.Consent], DemoJourney.ConsentForm, At(consultOn, 10, 15), protocol.Indication.NeedsFatRemovalDisclosure());
        record.Record(new RecordConsent(record.PatientId, Clinic.NextId(), terms, At(consultOn, 10, 20)), At(consultOn, 10, 20), practitioner);
        var testId = Clinic.NextId();
        record.Record(new RecordAllergyTest(record.PatientId, testId, DemoProtocols.TestedSubstances(protocol, reaction), At(consultOn, 10, 30), At(consultOn, 10, 35)),
            At(consultOn, 10, 35), practitioner);
        if (record.State.ActivePlan is { } unfinished)
            record.Record(new StopTreatmentPlan(record.PatientId, unfinished.PlanId, At(consultOn, 10, 40), "Course not completed; a new plan follows this consultation."),
                At(consultOn, 10, 40), Clinic.Clinicians[record.Number % Clinic.Clinicians.Count].Actor);
        var planId = Clinic.NextId();
        record.Record(new CreateTreatmentPlan(record.PatientId, planId, consultOn, protocol.Plan, Clinic.Policy), At(consultOn, 10, 50), practitioner);
        var readOn = consultOn.AddDays(2);
        if (At(readOn, 9, 5) > Now)
        {
            _ended = true;
            return null;
        }
        record.Record(new ReadAllergyTest(record.PatientId, testId, DemoAnswers.Reading(readOn, reaction), Clinic.Policy, At(readOn, 9, 5)), At(readOn, 9, 5), practitioner);
        if (!_longTreated && random.NextDouble() < GroupRates.ConsultOnly)
            return null;
        return new GroupCourse(record, this, protocol, planId, random).Run(consultOn.AddDays(3), At(readOn, 9, 15));
    }

    private void Screen(DateOnly on, IReadOnlyList<string> reasons)
    {
        var answers = DemoAnswers.With(reasons, on, declaredAllergy: null);
        record.Record(new ScreenPatient(record.PatientId, Clinic.NextId(), on, answers, Clinic.Policy, At(on, 10)), At(on, 10), _practitioner.Actor);
    }

    public DemoPractitioner Practitioner => _practitioner;
    public bool LongTreated => _longTreated;

    /// <summary>The story has reached now: nothing more is told.</summary>
    public void End() => _ended = true;

    public DateOnly Today => Day(Now);

    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0) => DemoClinic.At(date, hour, minute);
}
