using System.Diagnostics;
using Clinic.Api.Hosting;
using Clinic.Api.Tests.Support;
using OpenTelemetry.Metrics;

namespace Clinic.Api.Tests.Hosting;

/// <summary>
/// With an OTLP endpoint configured, a command's trace runs from its HTTP request through Wolverine's handler and
/// Marten's session to Npgsql's commands, every span tagged with the request's correlation id; and nothing exported,
/// span or metric, holds a personal value the commands carried.
/// </summary>
public class TelemetryTests(TelemetryApiHost host) : IClassFixture<TelemetryApiHost>
{
    private const string FirstName = "Zephyrine";
    private const string LastName = "Quillfeather";
    private const string Email = "zephyrine.quillfeather@example.test";
    private const string Phone = "+33 6 47 19 83 52";
    private static readonly DateOnly DateOfBirth = new(1987, 11, 23);
    private const string Notes = "Bruise noticed by her sister Ottoline";

    private static readonly string[] PersonalValues =
        [FirstName, LastName, Email, Phone, DateOfBirth.ToString("yyyy-MM-dd"), DateOfBirth.ToString("dd/MM/yyyy"), Notes];

    [Fact]
    public async Task A_commands_trace_runs_from_http_through_wolverine_and_marten_to_npgsql_with_its_correlation_id()
    {
        var correlationId = $"telemetry-{Guid.NewGuid():N}";
        var journey = await new Journey(host).RegisterPractitionerAsync();

        journey.Reception.DefaultRequestHeaders.Add(CorrelationIdHeader, correlationId);
        await journey.RegisterPatientAsync(Patient());

        var trace = await Eventually.WaitForAsync(() => SpansOf(correlationId) is { } spans && spans.Any(IsRequest) ? spans : null);
        trace.Select(span => span.TraceId).Distinct().ShouldHaveSingleItem();
        trace.Select(span => span.Source.Name).Distinct().ShouldBe(["Microsoft.AspNetCore", "Wolverine", "Marten", "Npgsql"], ignoreOrder: true);
        // Npgsql names the data source on its spans: by its name, not its connection string.
        trace.Where(span => span.Source.Name == "Npgsql").Select(span => span.GetTagItem("db.npgsql.data_source")).Distinct()
            .ShouldBe([ClinicServices.DataSourceName]);
    }

    [Fact]
    public async Task No_exported_span_or_metric_holds_a_personal_value_of_the_commands()
    {
        var journey = await new Journey(host).RegisterPractitionerAsync();
        await journey.RegisterPatientAsync(Patient());
        await journey.ScreenAsync();
        await journey.ConsentAsync();
        await journey.AllergyTestAsync();
        await journey.PlanAsync();
        var sessionId = await journey.PerformedSessionAsync(Journey.Slot(3));
        using (journey.AfterSideEffect(Journey.Slot(4)))
            await journey.Practitioner.CreateAsync($"{journey.PatientPath}/side-effects", SideEffect(sessionId, Journey.Slot(4)));
        await journey.ScheduleAsync(Journey.Slot(10));
        await journey.HistoryAsync();
        // No endpoint takes a personal value in its query string; one typed there anyway is not exported (values redacted).
        (await journey.Admin.GetAsync($"/api/audit?actor={Uri.EscapeDataString(Email)}")).EnsureSuccessStatusCode();

        host.Flush();

        host.Spans.ShouldContain(span => span.GetTagItem(CorrelationSpans.Tag) != null && span.Source.Name == "Npgsql");
        host.Spans.ShouldContain(span => span.GetTagItem("url.query") as string == "?actor=Redacted");
        host.Metrics.ShouldContain(metric => metric.MeterName == "Marten");
        host.Collector.Received.Select(export => export.Signal).Distinct().ShouldBe(["traces", "metrics"], ignoreOrder: true);
        foreach (var value in PersonalValues)
        {
            host.Spans.SelectMany(Values).ShouldNotContain(text => text.Contains(value, StringComparison.OrdinalIgnoreCase), value);
            host.Metrics.SelectMany(Labels).ShouldNotContain(text => text.Contains(value, StringComparison.OrdinalIgnoreCase), value);
            host.Collector.AnyContains(value).ShouldBeFalse(value);
        }
    }

    private const string CorrelationIdHeader = "X-Correlation-Id";

    private static object Patient() => new { firstName = FirstName, lastName = LastName, dateOfBirth = DateOfBirth, sex = "female", phone = Phone, email = Email };

    private static object SideEffect(Guid sessionId, DateTimeOffset onsetAt) => new
    {
        sessionId, kind = "bruising", severity = "mild", serious = false, seriousness = Array.Empty<string>(), onsetAt,
        awareAt = onsetAt.AddHours(2), description = Notes, reportedBy = "patient",
    };

    private List<Activity> SpansOf(string correlationId) =>
        host.Spans.Where(span => span.GetTagItem(CorrelationSpans.Tag) as string == correlationId).ToList();

    private static bool IsRequest(Activity span) => span.Source.Name == "Microsoft.AspNetCore";

    /// <summary>Every text a span exports: its names, status, tags, events' names and tags, and baggage.</summary>
    private static IEnumerable<string> Values(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => $"{tag.Key}={tag.Value}").Append(e.Name)))
            .Concat(span.Baggage.Select(item => $"{item.Key}={item.Value}"));

    private static IEnumerable<string> Labels(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
            foreach (var tag in point.Tags)
                yield return $"{tag.Key}={tag.Value}";
    }
}
