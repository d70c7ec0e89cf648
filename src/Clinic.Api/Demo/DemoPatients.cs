using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using static Clinic.Api.Demo.DemoProtocols;
using static Clinic.Api.Demo.DemoTwist;

namespace Clinic.Api.Demo;

/// <summary>A demo patient: who they are and what happens to them at the clinic.</summary>
internal sealed record DemoPatient(string FirstName, string LastName, Sex Sex, int Age, DemoStory Story, string? DeclaredAllergy = null);

/// <summary>What happens to a demo patient after registration.</summary>
internal abstract record DemoStory;

/// <summary>Registered; the consultation is still to come.</summary>
internal sealed record NotScreened : DemoStory;

/// <summary>Screened ineligible; the expected reasons are checked against the ones the rules compute.</summary>
internal sealed record Ineligible(IReadOnlyList<string> Reasons) : DemoStory;

/// <summary>Screened two days after an NSAID dose: deferred for a week.</summary>
internal sealed record Deferred : DemoStory;

/// <summary>Screened eligible, consented and allergy-tested clean; no plan yet.</summary>
internal sealed record Consulted : DemoStory;

/// <summary>Eligible with a plan, but the allergy test applied yesterday is still to be read.</summary>
internal sealed record AwaitingAllergyReading(DemoProtocol Protocol) : DemoStory;

/// <summary>A course of treatment: <paramref name="Performed"/> past sessions, <paramref name="Scheduled"/> future ones.</summary>
internal sealed record Treated(DemoProtocol Protocol, int Performed, int Scheduled, DemoTwist Twists = None) : DemoStory;

/// <summary>What goes differently in a course of treatment.</summary>
[Flags]
internal enum DemoTwist
{
    None = 0,

    /// <summary>The allergy test reacts to <see cref="DemoProtocols.ReactingSubstance"/>; the protocol avoids it.</summary>
    AllergyReaction = 1,

    /// <summary>The last past session was not attended.</summary>
    NoShow = 2,

    /// <summary>The last future session is cancelled.</summary>
    Cancellation = 4,

    /// <summary>Mild bruising after the first session, resolved (needs 2+ past sessions).</summary>
    BruisingResolved = 8,

    /// <summary>Moderate swelling after the second session, resolved (needs 3+ past sessions).</summary>
    SwellingResolved = 16,

    /// <summary>Mild redness after the last session, still open.</summary>
    RednessOpen = 32,

    /// <summary>A serious infection after the last session, awaiting a clinician's review: treatment suspended.</summary>
    SeriousAwaitingReview = 64,

    /// <summary>A severe allergic reaction after the first session, reviewed (resume), notified and resolved (needs 2+ past sessions).</summary>
    SevereReviewed = 128,

    /// <summary>First treated by the practitioner whose licence has since lapsed, then by a colleague.</summary>
    TreatedByLapsedPractitioner = 256,
}

internal static class DemoPatients
{
    public static readonly IReadOnlyList<DemoPatient> All =
    [
        new("Sofia", "Marques", Sex.Female, 34, new NotScreened()),
        new("Daniel", "Okafor", Sex.Male, 41, new NotScreened()),

        new("Lucas", "Meyer", Sex.Male, 16, new Ineligible([ScreeningReasons.Under18])),
        new("Camila", "Torres", Sex.Female, 31, new Ineligible([ScreeningReasons.Pregnant])),
        new("Emma", "Johansson", Sex.Female, 29, new Ineligible([ScreeningReasons.Breastfeeding])),
        new("Rafael", "Costa", Sex.Male, 52, new Ineligible([ScreeningReasons.InsulinDependentDiabetes])),
        new("Ingrid", "Larsen", Sex.Female, 58, new Ineligible([ScreeningReasons.CancerMultiDrugTherapy])),
        new("Marco", "Bianchi", Sex.Male, 63, new Ineligible([ScreeningReasons.HeartDiseaseMultiDrugTherapy])),
        new("Fatima", "Benali", Sex.Female, 67, new Ineligible([ScreeningReasons.StrokeHistory])),
        new("Pieter", "de Vries", Sex.Male, 49, new Ineligible([ScreeningReasons.LiverDisorder])),
        new("Aiko", "Tanaka", Sex.Female, 45, new Ineligible([ScreeningReasons.KidneyDisorder])),
        new("Nikolai", "Petrov", Sex.Male, 56, new Ineligible([ScreeningReasons.LiverDisorder, ScreeningReasons.KidneyDisorder, ScreeningReasons.RecentNsaid])),

        new("Laura", "Schmidt", Sex.Female, 38, new Deferred()),
        new("Omar", "Haddou", Sex.Male, 44, new Deferred()),
        new("Alex", "Rivera", Sex.Other, 27, new Deferred()),

        new("Beatriz", "Almeida", Sex.Female, 36, new Treated(FaceRejuvenation, 3, 2, BruisingResolved), "penicillin"),
        new("Chloé", "Dubois", Sex.Female, 42, new Treated(Pigmentation, 4, 2)),
        new("Hannah", "Fischer", Sex.Female, 33, new Treated(AcneScars, 3, 1, NoShow)),
        new("Mateo", "García", Sex.Male, 39, new Treated(HairLoss, 5, 2)),
        new("Olivia", "Brown", Sex.Female, 47, new Treated(CelluliteArtichokeFree, 6, 2, AllergyReaction)),
        new("Yusuf", "Demir", Sex.Male, 51, new Treated(LocalizedFat, 3, 2, SwellingResolved)),
        new("Elena", "Popescu", Sex.Female, 30, new Treated(StretchMarks, 2, 3)),
        new("Thomas", "Müller", Sex.Male, 58, new Treated(BackPain, 3, 1, SeriousAwaitingReview)),
        new("Grace", "Kim", Sex.Female, 35, new Treated(Migraine, 2, 2)),
        new("Isabel", "Ferreira", Sex.Female, 61, new Treated(Lymphedema, 4, 2, SevereReviewed)),
        new("Jonas", "Berg", Sex.Male, 28, new Treated(SportsInjury, 3, 0)),
        new("Priya", "Sharma", Sex.Female, 44, new Treated(FaceRejuvenation, 0, 2)),
        new("Ahmed", "Khalil", Sex.Male, 46, new Treated(HairLoss, 0, 2)),
        new("Lena", "Kowalski", Sex.Female, 37, new Treated(Cellulite, 2, 3, Cancellation)),
        new("Sara", "Lindqvist", Sex.Female, 40, new Treated(FaceRejuvenation, 5, 1, TreatedByLapsedPractitioner)),
        new("Diego", "Fernández", Sex.Male, 55, new Treated(Varicose, 3, 2, TreatedByLapsedPractitioner)),
        new("Mei", "Chen", Sex.Female, 32, new Treated(Pigmentation, 1, 2, RednessOpen)),
        new("Noah", "Williams", Sex.Male, 26, new Treated(AcneScars, 2, 2, BruisingResolved)),
        new("Amara", "Okonkwo", Sex.Female, 48, new Treated(HandRejuvenation, 2, 1), "latex"),
        new("Luca", "Romano", Sex.Male, 43, new Treated(BackPain, 4, 1)),
        new("Zeynep", "Yilmaz", Sex.Female, 39, new Treated(LocalizedFat, 2, 2)),
        new("Julien", "Moreau", Sex.Male, 50, new Treated(HairLoss, 3, 3, BruisingResolved)),
        new("Eva", "Horváth", Sex.Female, 53, new Treated(FaceRejuvenation, 1, 3)),
        new("Samuel", "Cohen", Sex.Male, 62, new Treated(Lymphedema, 2, 2)),
        new("Nadia", "Rahman", Sex.Female, 29, new Treated(StretchMarks, 1, 2)),
        new("Oscar", "Nilsson", Sex.Male, 34, new Treated(SportsInjury, 1, 2)),
        new("Victoria", "Adams", Sex.Female, 45, new Treated(Cellulite, 4, 2)),
        new("Kenji", "Watanabe", Sex.Male, 38, new Treated(Migraine, 1, 1)),
        new("Ana", "Rodrigues", Sex.Female, 57, new Treated(Varicose, 2, 1)),
        new("Felix", "Wagner", Sex.Male, 41, new Treated(FaceRejuvenation, 0, 1)),
        new("Maya", "Patel", Sex.Female, 31, new Treated(AcneScars, 1, 1)),
        new("Ibrahim", "Diallo", Sex.Male, 47, new Treated(HairLoss, 2, 2)),

        new("Clara", "Schneider", Sex.Female, 50, new Consulted(), "penicillin"),
        new("Tariq", "Aziz", Sex.Male, 36, new Consulted()),
        new("Rosa", "Martínez", Sex.Female, 42, new AwaitingAllergyReading(FaceRejuvenation)),
    ];
}
