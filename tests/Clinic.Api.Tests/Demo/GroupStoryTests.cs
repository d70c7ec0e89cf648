using Clinic.Api.Demo.Group;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Api.Tests.Demo;

/// <summary>The group seed's stories, told in memory through the deciders: no database.</summary>
public class GroupStoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static (GroupClinic Clinic, IReadOnlyList<GroupPatientRecord> Patients) Tell(int randomSeed, int patients)
    {
        var clinic = new GroupClinic("clinic-01", Now, years: 5, GroupSeeder.ClinicRandom(randomSeed, 1));
        var records = Enumerable.Range(1, patients).Select(number => GroupPatientStory.Tell(clinic, number, GroupSeeder.PatientRandom(randomSeed, 1, number))).ToList();
        return (clinic, records);
    }

    private static Dictionary<string, int> CountByType(IEnumerable<SeedEvent> events) =>
        events.GroupBy(e => EventCatalog.NameOf(e.Data)).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Every_command_of_every_story_is_accepted_by_the_rules_and_the_same_seed_tells_the_same_stories()
    {
        var (_, first) = Tell(randomSeed: 7, patients: 300);
        var (_, again) = Tell(randomSeed: 7, patients: 300);
        var (_, other) = Tell(randomSeed: 8, patients: 300);

        var counts = CountByType(first.SelectMany(p => p.Events));
        CountByType(again.SelectMany(p => p.Events)).ShouldBe(counts);
        again.Select(p => p.PatientId).ShouldBe(first.Select(p => p.PatientId));
        CountByType(other.SelectMany(p => p.Events)).ShouldNotBe(counts);
    }

    [Fact]
    public void The_stories_hold_every_kind_of_record_at_plausible_rates()
    {
        var (clinic, patients) = Tell(randomSeed: 1, patients: 600);
        var counts = CountByType(patients.SelectMany(p => p.Events).Concat(clinic.TakeSharedStreams().SelectMany(s => s.Events)));
        int Count(string type) => counts.GetValueOrDefault(type);

        Count("patient-registered.v1").ShouldBe(600);
        Count("session-performed.v1").ShouldBeGreaterThan(1000);
        foreach (var type in new[] { "patient-screened.v1", "consent-recorded.v1", "allergy-test-applied.v1", "allergy-test-read.v1",
                     "treatment-plan-created.v1", "session-scheduled.v1", "session-cancelled.v1", "session-marked-no-show.v1",
                     "side-effect-reported.v1", "side-effect-resolved.v1", "side-effect-reviewed.v1", "regulator-notified.v1",
                     "session-record-corrected.v1", "side-effect-corrected.v1", "record-viewed.v1", "practitioner-booked.v1", "practitioner-booking-released.v1" })
            Count(type).ShouldBeGreaterThan(0, type);
        var sideEffectsPerSession = (double)Count("side-effect-reported.v1") / Count("session-performed.v1");
        sideEffectsPerSession.ShouldBeInRange(0.06, 0.16);
        var outcomes = patients.SelectMany(p => p.State.Screenings).GroupBy(s => s.Assessment.Outcome).ToDictionary(g => g.Key, g => g.Count());
        outcomes.Keys.Count.ShouldBe(3);
    }

    [Fact]
    public void Most_patients_have_tens_of_events_and_a_few_long_treated_ones_about_two_hundred()
    {
        var (clinic, patients) = Tell(randomSeed: 1, patients: 600);
        var shared = clinic.TakeSharedStreams().Sum(s => s.Events.Count);
        var perPatient = (double)(patients.Sum(p => p.Events.Count) + shared) / patients.Count;
        perPatient.ShouldBeInRange(15, 28, $"{perPatient}: long {string.Join(",", patients.Where(p => p.Events.Count >= 100).Select(p => p.Events.Count))}");
        var longTreated = patients.Where(p => p.Events.Count >= 120).ToList();
        longTreated.Count.ShouldBeInRange(1, 15);
        longTreated.ShouldAllBe(p => p.Events.Count < 300);
        patients.Count(p => p.Events.Count is >= 10 and <= 45).ShouldBeGreaterThan(patients.Count / 2);
    }

    [Fact]
    public void Every_stream_rises_in_time_up_to_now()
    {
        var (clinic, patients) = Tell(randomSeed: 3, patients: 200);
        var streams = patients.Select(p => (IReadOnlyList<SeedEvent>)p.Events).Concat(clinic.TakeSharedStreams().Select(s => s.Events)).ToList();
        foreach (var events in streams)
        {
            events.Zip(events.Skip(1)).ShouldAllBe(pair => pair.First.Timestamp < pair.Second.Timestamp);
            events.ShouldAllBe(e => e.Timestamp <= Now.AddHours(2) && e.Timestamp.Ticks % TimeSpan.TicksPerMicrosecond == 0);
        }
        patients.ShouldAllBe(p => p.State.IsRegistered);
        patients.SelectMany(p => p.FutureTimers).ShouldAllBe(t => t.At > Now);
        patients.SelectMany(p => p.FutureTimers).ShouldNotBeEmpty();
    }
}
