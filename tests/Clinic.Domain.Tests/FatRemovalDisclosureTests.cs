using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Corrections;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>
/// Fat removal by mesotherapy is not FDA approved (seed 002) nor recommended by the American Society of Plastic Surgeons
/// (seed 001): localized fat and cellulite are treated only once the patient's consent records they were told so.
/// </summary>
public class FatRemovalDisclosureTests
{
    private static PlanDetails PlanFor(Indication indication) =>
        new(indication, [TreatmentArea.Abdomen, TreatmentArea.Thighs], Technique.PointByPoint, 6, 14);

    private static BookingScenario ReadyFor(Indication indication, ConsentRecorded consent, params IDomainEvent[] extra) =>
        Given.Patient([Registered, EligibleScreening, consent, TestApplied, TestRead(), PlanCreated(PlanFor(indication)), .. extra])
            .AndPractitioner([PractitionerRegistered(), .. extra.OfType<SessionScheduled>().Select(s => Booked(s.SessionId, s.StartsAt))]);

    [Theory]
    [InlineData(Indication.LocalizedFat)]
    [InlineData(Indication.Cellulite)]
    public void Fat_and_cellulite_are_booked_only_once_the_patient_was_told_fat_removal_is_not_approved(Indication indication)
    {
        ReadyFor(indication, FullConsent).When(Schedule()).ThenRefuses(RefusalCodes.FatRemovalDisclosureMissing);
        ReadyFor(indication, FullConsentToldFatRemovalNotApproved).When(Schedule()).ThenAccepts();
    }

    [Fact]
    public void Other_indications_need_no_such_disclosure() =>
        ReadyFor(Indication.StretchMarks, FullConsent).When(Schedule()).ThenAccepts();

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void The_disclosure_counts_from_when_the_consent_was_signed(int minutesAfterStart, bool accepted)
    {
        var toldLate = FullConsentToldFatRemovalNotApproved with
        {
            ConsentId = Guid.NewGuid(),
            Terms = FullConsentToldFatRemovalNotApproved.Terms with { SignedAt = At(3, 3, 10, minutesAfterStart) },
        };

        ReadyFor(Indication.LocalizedFat, FullConsent, toldLate).When(Schedule(At(3, 3, 10)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.FatRemovalDisclosureMissing);
    }

    [Fact]
    public void A_consent_corrected_to_no_disclosure_bars_the_booked_session_from_being_performed() =>
        ReadyFor(Indication.Cellulite, FullConsentToldFatRemovalNotApproved,
                Scheduled(SessionId, At(3, 3)),
                new ConsentCorrected(PatientId, CorrectedEventId, "Box ticked by mistake", ConsentId, FullConsent.Terms))
            .When(new RecordSessionPerformed(PatientId, SessionId, At(3, 3, 10, 5), Treatment(), Policy, RecordedAt: At(3, 3, 10, 35), ByPractitioner))
            .ThenRefuses(RefusalCodes.FatRemovalDisclosureMissing);

    [Fact]
    public void The_consent_records_the_disclosure_and_its_correction_carries_it()
    {
        Given.Patient(Registered)
            .When(new RecordConsent(PatientId, ConsentId, FullConsentToldFatRemovalNotApproved.Terms, Now))
            .ThenEmitsSingle<ConsentRecorded>().Terms.ToldNotApprovedForFatRemoval.ShouldBeTrue();
        Given.Patient(Registered, FullConsent)
            .When(new CorrectConsent(PatientId, CorrectedEventId, "The disclosure was signed too", ConsentId, FullConsentToldFatRemovalNotApproved.Terms, Now))
            .ThenEmitsSingle<ConsentCorrected>().Terms.ToldNotApprovedForFatRemoval.ShouldBeTrue();
    }
}
