using System.Text;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Screening;
using Clinic.Domain.SideEffects;

namespace Clinic.Api.Demo;

/// <summary>Counts what the seed recorded, from the events the commands appended, for the summary it prints.</summary>
internal sealed class DemoTally(DateOnly today)
{
    private readonly Dictionary<string, int> _events = [];
    private readonly Dictionary<ScreeningOutcome, int> _outcomes = [];
    private int _expiredLicences;
    private int _reactions;
    private int _needingReview;

    public int Total => _events.Values.Sum();

    public int Count(string eventName) => _events.GetValueOrDefault(eventName);

    public void Add(IEnumerable<IDomainEvent> events)
    {
        foreach (var @event in events)
        {
            var name = EventCatalog.NameOf(@event);
            _events[name] = Count(name) + 1;
            Note(@event);
        }
    }

    public string Summary(string clinicId)
    {
        var registered = Count("patient-registered.v1");
        var screened = Count("patient-screened.v1");
        var performed = Count("session-performed.v1");
        var cancelled = Count("session-cancelled.v1");
        var noShows = Count("session-marked-no-show.v1");
        var reviewed = Count("side-effect-reviewed.v1");
        return new StringBuilder()
            .AppendLine($"Seeded clinic '{clinicId}' through Wolverine's handlers: {Total} events.")
            .AppendLine($"  practitioners    {Count("practitioner-registered.v1")} ({_expiredLicences} with an expired licence)")
            .AppendLine($"  patients         {registered}: {Outcome(ScreeningOutcome.Eligible)} eligible, {Outcome(ScreeningOutcome.Ineligible)} ineligible, "
                        + $"{Outcome(ScreeningOutcome.Deferred)} deferred, {registered - screened} not yet screened")
            .AppendLine($"  consents         {Count("consent-recorded.v1")}")
            .AppendLine($"  allergy tests    {Count("allergy-test-applied.v1")} applied, {Count("allergy-test-read.v1")} read ({_reactions} with a reaction)")
            .AppendLine($"  treatment plans  {Count("treatment-plan-created.v1")}")
            .AppendLine($"  sessions         {performed} performed, {Count("session-scheduled.v1") - performed - cancelled - noShows} scheduled, "
                        + $"{cancelled} cancelled, {noShows} no-show")
            .AppendLine($"  side effects     {Count("side-effect-reported.v1")} reported, {Count("side-effect-resolved.v1")} resolved, "
                        + $"{_needingReview} serious or severe ({reviewed} reviewed, {_needingReview - reviewed} awaiting review)")
            .AppendLine($"Get a token: dotnet run --project src/Clinic.Api -- dev-token --user {DemoActor.Admin.UserId} --role {DemoActor.Admin.Role} --clinic {clinicId}")
            .ToString();
    }

    private int Outcome(ScreeningOutcome outcome) => _outcomes.GetValueOrDefault(outcome);

    private void Note(IDomainEvent @event)
    {
        switch (@event)
        {
            case PractitionerRegistered { Details.LicenceExpiresOn: var expiry } when expiry < today:
                _expiredLicences++;
                break;
            case PatientScreened screened:
                _outcomes[screened.Assessment.Outcome] = Outcome(screened.Assessment.Outcome) + 1;
                break;
            case AllergyTestRead { Reading.Reaction: true }:
                _reactions++;
                break;
            case SideEffectReported { RequiresReview: true }:
                _needingReview++;
                break;
        }
    }
}
