using System.Collections.Immutable;
using Clinic.Api.History;
using Clinic.Api.Lots;
using Clinic.Api.Practitioners;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Benchmarks.Recall;

/// <summary>
/// The documents a clinic's record leaves for a lot recall to read: a session-products document per performed
/// session, the histories of the patients treated (each holding her sessions and a side effect after her third), the
/// practitioners' calendars. Each lot is used by about <see cref="SessionsPerLot"/> sessions, half of which use a
/// second product of another lot.
/// </summary>
public sealed record RecallClinic(
    IReadOnlyList<SessionProducts> Sessions, IReadOnlyList<PatientHistory> Histories, IReadOnlyList<PractitionerCalendar> Calendars, int Lots)
{
    public const int SessionsPerPatient = 5;
    public const int SessionsPerLot = 20;
    private const int Practitioners = 50;
    private static readonly DateTimeOffset FirstSession = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public static string Lot(int number) => $"LOT-{number:D6}";

    public static RecallClinic Generate(string clinicId, int sessions, int seed)
    {
        var random = new Random(seed);
        var lots = Math.Max(1, sessions / SessionsPerLot);
        var practitioners = Enumerable.Range(0, Practitioners).Select(_ => Guid.NewGuid()).ToArray();
        var treated = new List<SessionProducts>(sessions);
        var histories = new List<PatientHistory>();
        for (var first = 0; first < sessions; first += SessionsPerPatient)
        {
            var patientId = Guid.NewGuid();
            var practitionerId = practitioners[random.Next(practitioners.Length)];
            var start = FirstSession.AddHours(random.Next(24 * 365));
            var patientSessions = Enumerable.Range(0, Math.Min(SessionsPerPatient, sessions - first))
                .Select(i => new SessionProducts(Guid.NewGuid(), clinicId, patientId, practitionerId, start.AddDays(14 * i),
                    [TreatmentArea.Face], Products(random, lots)))
                .ToList();
            treated.AddRange(patientSessions);
            histories.Add(History(clinicId, patientId, patientSessions));
        }
        return new RecallClinic(treated, histories, practitioners.Select(id => Calendar(clinicId, id)).ToList(), lots);
    }

    private static IReadOnlyList<ProductUsed> Products(Random random, int lots)
    {
        var first = Product("HA cocktail", random.Next(lots));
        return random.Next(2) == 0 ? [first] : [first, Product("Vitamin complex", random.Next(lots))];
    }

    private static ProductUsed Product(string name, int lot) => new(name, Lot(lot), 2.5m, ["hyaluronic acid"]);

    private static PatientHistory History(string clinicId, Guid patientId, IReadOnlyList<SessionProducts> sessions)
    {
        var performed = sessions.Select(s => new Session(s.Id, Guid.Empty, s.PractitionerId, s.PerformedAt, s.PerformedAt.AddMinutes(30),
            SessionStatus.Performed, null, s.PerformedAt,
            new PerformedTreatment(s.Products, 2, Technique.Nappage, s.Areas, AnestheticCream: false, 30, Notes: null)));
        var afterThird = sessions[Math.Min(2, sessions.Count - 1)];
        var onset = afterThird.PerformedAt.AddDays(1);
        var sideEffect = new SideEffect(Guid.NewGuid(),
            new SideEffectDetails(afterThird.Id, SideEffectKind.Bruising, Severity.Mild, false, [], onset, onset.AddHours(2), "Small bruise"),
            ReportedBy.Patient, RequiresReview: false, ReportDueAt: null);
        var state = PatientState.Initial with
        {
            PatientId = patientId, ClinicId = clinicId,
            Details = new PatientDetails("Maria", "Lopez", new DateOnly(1990, 4, 2), Sex.Female, "+33 6 00 00 00 00", "maria@example.test"),
            Sessions = performed.ToImmutableList(),
            SideEffects = [sideEffect],
        };
        return new PatientHistory(patientId, 2 + 2 * sessions.Count, state);
    }

    private static PractitionerCalendar Calendar(string clinicId, Guid practitionerId) => new(practitionerId, 1,
        PractitionerState.Initial with
        {
            PractitionerId = practitionerId, ClinicId = clinicId,
            Details = new PractitionerDetails("Dr Ana Silva", Profession.Dermatologist, "DERM-1", new DateOnly(2030, 1, 1)),
        },
        PrunedBy: null, FoldedFromStreamStart: true);
}
