using Clinic.Domain.Consent;
using Clinic.Domain.Sessions;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.TreatmentPlans.TreatmentArea;

namespace Clinic.Api.Demo;

/// <summary>A product the demo clinic injects: what it contains, how much a session uses, and the lots it has had.</summary>
internal sealed record DemoProduct(string Name, IReadOnlyList<string> Substances, decimal VolumeMl, IReadOnlyList<string> Lots)
{
    /// <summary>Lots change over a course of treatment, so the n-th session uses the n-th lot in turn.</summary>
    public ProductUsed UsedInSession(int session) => new(Name, Lots[session % Lots.Count], VolumeMl, Substances);

    /// <summary>Over years, a lot a quarter: the first lot's prefix with the year and quarter it was delivered in.</summary>
    public ProductUsed UsedOn(DateOnly date) => new(Name, $"{Lots[0][..2]}{date.Year % 100:00}Q{(date.Month - 1) / 3 + 1}", VolumeMl, Substances);
}

/// <summary>A treatment protocol of the primer (indication, areas, technique, sessions, interval, later phase) with how its sessions are done.</summary>
internal sealed record DemoProtocol(
    Indication Indication,
    IReadOnlyList<TreatmentArea> Areas,
    Technique Technique,
    int PlannedSessions,
    int IntervalDays,
    decimal DepthMm,
    int DurationMinutes,
    bool AnestheticCream,
    DemoProduct Product,
    ConsentScope Consent,
    PlanPhase? Later = null)
{
    public PlanDetails Plan => new(Indication, Areas, Technique, PlannedSessions, IntervalDays, Later);

    /// <summary>By hand with a needle, the cream (if any) applied 35 minutes before, every aftercare instruction given.</summary>
    public PerformedTreatment Treatment(int session, DateTimeOffset performedAt) => TreatmentWith(Product.UsedInSession(session), session == 0, performedAt);

    public PerformedTreatment TreatmentWith(ProductUsed product, bool firstSession, DateTimeOffset performedAt) => new(
        [product], DepthMm, Technique, Areas, AnestheticCream, DurationMinutes,
        Notes: firstSession ? "First session; aftercare sheet given (no water 12 h, no make-up or sun for 48 h)." : null,
        new Delivery(InjectionMethod.Needle, InjectionDevice.Manual),
        AnestheticAppliedAt: AnestheticCream ? performedAt.AddMinutes(-35) : null,
        Aftercare: Enum.GetValues<AftercareInstruction>(), NoRecentAntiInflammatoriesConfirmed: true);
}

/// <summary>
/// The demo clinic's products and protocols, after the primer's indications and the seeds' protocols: face and body
/// 6 to 10 sessions at most 10 days apart (the hands' course turning fortnightly after two), hair loss 10 every 2 weeks.
/// </summary>
internal static class DemoProtocols
{
    /// <summary>The substance the demo's allergy reaction is to: the patient is switched to a cocktail without it.</summary>
    public const string ReactingSubstance = "artichoke extract";

    /// <summary>In the anaesthetic cream; tested for everyone.</summary>
    public const string Anaesthetic = "lidocaine";

    /// <summary>The substances an allergy test doses before the protocol: its product's, the cream's, and the reacting one when it reacts.</summary>
    public static IReadOnlyList<string> TestedSubstances(DemoProtocol protocol, bool reaction) =>
        [.. protocol.Product.Substances, Anaesthetic, .. reaction ? [ReactingSubstance] : Array.Empty<string>()];

    private static readonly DemoProduct Revitalising = new("NCTF 135HA", ["hyaluronic acid", "vitamins", "amino acids"], 3.0m, ["NC24A113", "NC24B207", "NC25A031"]);
    private static readonly DemoProduct Depigmenting = new("Tranexamic acid 4% + vitamin C", ["tranexamic acid", "ascorbic acid"], 2.0m, ["TX2411", "TX2502"]);
    private static readonly DemoProduct ScarRepair = new("Hyaluronic acid + DMAE", ["hyaluronic acid", "dmae"], 2.5m, ["SR0934", "SR1012"]);
    private static readonly DemoProduct HairGrowth = new("Hair growth cocktail", ["biotin", "dexpanthenol", "minoxidil"], 4.0m, ["HG3301", "HG3345", "HG3390"]);
    private static readonly DemoProduct Lipolytic = new("Phosphatidylcholine 5% / deoxycholate", ["phosphatidylcholine", "deoxycholate"], 5.0m, ["PC5-118", "PC5-131"]);
    private static readonly DemoProduct Anticellulite = new("Artichoke, melilotus and caffeine", [ReactingSubstance, "melilotus", "caffeine"], 5.0m, ["CL7720", "CL7788"]);
    private static readonly DemoProduct AnticelluliteArtichokeFree = new("Melilotus and caffeine", ["melilotus", "caffeine"], 5.0m, ["CM1204"]);
    private static readonly DemoProduct Silicium = new("Organic silicium + hyaluronic acid", ["silicium", "hyaluronic acid"], 3.0m, ["SI4410", "SI4476"]);
    private static readonly DemoProduct PainRelief = new("Procaine 2% + calcitonin", ["procaine", "calcitonin"], 2.0m, ["PR0551", "PR0563"]);
    private static readonly DemoProduct Venotonic = new("Melilotus + ginkgo biloba", ["melilotus", "ginkgo biloba"], 4.0m, ["VG2208", "VG2231"]);

    public static readonly DemoProtocol FaceRejuvenation = new(Indication.SkinRejuvenation, [Face, Neck], Technique.Nappage, 6, 7, 1.5m, 30, true, Revitalising, ConsentScope.Face);
    public static readonly DemoProtocol Pigmentation = new(Indication.Pigmentation, [Face], Technique.PointByPoint, 6, 10, 1.0m, 20, true, Depigmenting, ConsentScope.Face);
    public static readonly DemoProtocol AcneScars = new(Indication.AcneScars, [Face], Technique.PointByPoint, 6, 10, 2.0m, 30, true, ScarRepair, ConsentScope.Face);
    public static readonly DemoProtocol HairLoss = new(Indication.HairLoss, [Scalp], Technique.PointByPoint, 10, 14, 1.0m, 30, false, HairGrowth, ConsentScope.Hair);
    public static readonly DemoProtocol LocalizedFat = new(Indication.LocalizedFat, [Abdomen], Technique.PointByPoint, 6, 10, 4.0m, 30, false, Lipolytic, ConsentScope.Body);
    public static readonly DemoProtocol Cellulite = new(Indication.Cellulite, [Thighs, Buttocks], Technique.Nappage, 10, 7, 4.0m, 40, false, Anticellulite, ConsentScope.Body);
    public static readonly DemoProtocol CelluliteArtichokeFree = Cellulite with { Product = AnticelluliteArtichokeFree };
    public static readonly DemoProtocol StretchMarks = new(Indication.StretchMarks, [Hips, Abdomen], Technique.Epidermal, 6, 10, 1.0m, 30, true, Silicium, ConsentScope.Body);
    public static readonly DemoProtocol BackPain = new(Indication.MusculoskeletalPain, [Back], Technique.PointByPoint, 5, 7, 4.0m, 20, false, PainRelief, ConsentScope.Body);
    public static readonly DemoProtocol Migraine = new(Indication.Migraine, [Neck], Technique.PointByPoint, 4, 7, 2.0m, 15, false, PainRelief, ConsentScope.Face);
    public static readonly DemoProtocol SportsInjury = new(Indication.SportsInjury, [Legs], Technique.PointByPoint, 3, 7, 4.0m, 20, false, PainRelief, ConsentScope.Body);
    public static readonly DemoProtocol Lymphedema = new(Indication.Lymphedema, [Legs], Technique.Nappage, 8, 7, 2.0m, 30, false, Venotonic, ConsentScope.Body);
    public static readonly DemoProtocol Varicose = new(Indication.VascularDisorder, [Legs], Technique.Nappage, 6, 10, 2.0m, 30, false, Venotonic, ConsentScope.Body);
    public static readonly DemoProtocol HandRejuvenation = new(Indication.SkinRejuvenation, [Hands], Technique.Nappage, 6, 10, 1.5m, 20, true, Revitalising, ConsentScope.Body,
        Later: new PlanPhase(4, 15));

    /// <summary>Every protocol the clinic offers, once each.</summary>
    public static readonly IReadOnlyList<DemoProtocol> Catalogue =
    [
        FaceRejuvenation, Pigmentation, AcneScars, HairLoss, LocalizedFat, Cellulite, CelluliteArtichokeFree, StretchMarks,
        BackPain, Migraine, SportsInjury, Lymphedema, Varicose, HandRejuvenation,
    ];
}
