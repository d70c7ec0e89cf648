using Clinic.Api.Database;
using Clinic.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Api.Tests.Hosting;

/// <summary>Wolverine logs a failed message under its type's name, quoting it: those categories write nothing.</summary>
public class MessageLogCategoryTests
{
    [Theory]
    [InlineData("Clinic.Domain.Patients.IPatientCommand")]
    [InlineData("Clinic.Domain.Patients.RegisterPatient")]
    [InlineData("Clinic.Api.Notifications.NotificationDue")]
    [InlineData("Clinic.Api.Workflow.SendSessionReminder")]
    [InlineData("Clinic.Api.Corrections.CorrectRecord")]
    public void A_message_types_category_writes_nothing(string category) =>
        Logged(category).ShouldBeEmpty();

    [Fact]
    public void The_api_s_own_categories_write() =>
        Logged("Clinic.Api.Problems.ExceptionProblems").ShouldHaveSingleItem();

    private static List<string> Logged(string category)
    {
        var captured = new CapturedLogs();
        using var services = new ServiceCollection().BuildServiceProvider();
        new ClinicLoggerProvider(captured, services).CreateLogger(category).LogError("Invocation of {Message} failed!", "RegisterPatient { FirstName = Maria }");
        return captured.Lines.Select(line => line.Message).ToList();
    }
}
