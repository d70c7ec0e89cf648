using System.Diagnostics;
using Clinic.Api.Hosting;
using Clinic.Api.Tests.Privacy;
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
    [Fact]
    public async Task A_commands_trace_runs_from_http_through_wolverine_and_marten_to_npgsql_with_its_correlation_id()
    {
        var correlationId = $"telemetry-{Guid.NewGuid():N}";
        var journey = await new Journey(host).RegisterPractitionerAsync();

        journey.Reception.DefaultRequestHeaders.Add("X-Correlation-Id", correlationId);
        await journey.RegisterPatientAsync();

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
        var patient = await DistinctivePatient.RecordedAsync(host);
        await patient.Journey.ScheduleAsync(Journey.Slot(10));
        await patient.Journey.HistoryAsync();
        // No endpoint takes a personal value in its query string; one typed there anyway is not exported (values redacted).
        (await patient.Journey.Admin.GetAsync($"/api/audit?actor={Uri.EscapeDataString(DistinctivePatient.Email)}")).EnsureSuccessStatusCode();

        host.Flush();

        host.Spans.ShouldContain(span => span.GetTagItem(CorrelationSpans.Tag) != null && span.Source.Name == "Npgsql");
        // The pollers' commands, outside any operation, are not traced (the tests' own connections are not the API's data source).
        host.Spans.Where(span => span.GetTagItem("db.npgsql.data_source") as string == ClinicServices.DataSourceName && span.GetTagItem("db.query.text") != null)
            .ShouldAllBe(span => span.ParentSpanId != default);
        host.Spans.ShouldNotContain(span => span.DisplayName == PollSampler.HighWaterPoll);
        host.Spans.ShouldContain(span => span.GetTagItem("url.query") as string == "?actor=Redacted");
        new[] { "Microsoft.AspNetCore.Hosting", "Wolverine:clinic", "Marten", "Npgsql" }
            .Except(host.Metrics.Select(metric => metric.MeterName)).ShouldBeEmpty("meters exported nothing");
        host.Collector.Received.Select(export => export.Signal).Distinct().ShouldBe(["traces", "metrics"], ignoreOrder: true);
        foreach (var value in DistinctivePatient.PersonalValues)
        {
            host.Spans.SelectMany(Values).ShouldNotContain(text => text.Contains(value, StringComparison.OrdinalIgnoreCase), value);
            host.Metrics.SelectMany(Labels).ShouldNotContain(text => text.Contains(value, StringComparison.OrdinalIgnoreCase), value);
            host.Collector.AnyContains(value).ShouldBeFalse(value);
        }
    }

    /// <summary>
    /// While the API is idle its pollers keep querying the database (Wolverine's scheduled messages every 100 ms here):
    /// none of those commands, run outside any operation, is traced. The idle time is measured in polls, as PostgreSQL
    /// counts the scans of the host's own Wolverine tables, not in seconds.
    /// </summary>
    [Fact]
    public async Task An_idle_apis_pollers_send_no_span()
    {
        const int Scans = 100;
        await host.WaitForProjectionsAsync();
        var idleSince = DateTime.UtcNow;
        var scansBefore = await WolverineTableScansAsync();

        await Eventually.WaitForAsync(async () => await WolverineTableScansAsync() >= scansBefore + Scans ? "polled" : null, TimeSpan.FromMinutes(1));
        host.Flush();

        // Each of the host's commands names its schema; the other tests' hosts use schemas of their own.
        host.Spans.Where(span => span.StartTimeUtc >= idleSince && span.ParentSpanId == default
                                 && (span.GetTagItem("db.query.text") as string)?.Contains(host.Schema) == true)
            .Select(span => span.GetTagItem("db.query.text")).ShouldBeEmpty();
    }

    private Task<long> WolverineTableScansAsync() => TestSql.CountAsync(
        "SELECT coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0)::bigint FROM pg_stat_user_tables WHERE schemaname = $1 AND relname LIKE 'wolverine%'",
        host.Schema);

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
