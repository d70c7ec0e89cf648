using Clinic.Api.Notifications;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Messaging;

public class LogNotifierTests(LoggingApiHost host) : IClassFixture<LoggingApiHost>
{
    [Fact]
    public async Task The_log_notifier_logs_a_reminders_kind_clinic_and_message_id_and_nothing_personal()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.ScheduleAsync(DateTimeOffset.UtcNow.AddHours(23).AddMinutes(30));

        var logged = await Eventually.WaitForAsync(() => host.Logs.Lines
            .Where(line => line.Category == typeof(LogNotifier).FullName && line.Message.Contains(journey.Clinic))
            .Select(line => line.Message).FirstOrDefault());

        logged.ShouldMatch($@"^Notification session-reminder for clinic {journey.Clinic} \(message [0-9a-f-]{{36}}\)$");
        var everything = string.Join("\n", host.Logs.Lines.Select(line => line.Message));
        foreach (var personal in new[] { "Maria", "Lopez", "+33 6 00 00 00 00", "maria@example.test", journey.PatientId.ToString() })
            everything.ShouldNotContain(personal);
    }
}
