using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Clinic.Api.Dashboard;
using Clinic.Api.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Api.Tests.Dashboard;

/// <summary>The dashboard page: served without a token, its numbers those of GET /api/dashboard, as a browser shows them.</summary>
public class DashboardPageTests
{
    /// <summary>Debian's Chromium; CI installs it (.ci/run). Playwright drives it and never downloads a browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public class InDevelopment(DevelopmentApiHost host, ITestOutputHelper output) : IClassFixture<DevelopmentApiHost>
    {
        [Fact]
        public async Task The_page_shows_in_a_browser_the_numbers_of_the_dashboard_api_each_marked_with_its_path()
        {
            var journey = await TreatedClinicAsync();
            await host.WaitForProjectionsAsync();
            var api = await journey.Client("analyst").GetOkAsync("/api/dashboard");

            var (figures, screenshot) = await ShownFiguresAsync($"dashboard?clinic={journey.Clinic}");
            output.WriteLine($"Screenshot of the dashboard: {screenshot}");

            foreach (var figure in figures)
            {
                var expected = ValueAt(api, figure.Path);
                figure.Value.ShouldBe(expected, $"{figure.PathText} on the page");
                figure.Text.ShouldBe(figure.Path[^1] == "sideEffectsPerSession"
                    ? (expected * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
                    : expected.ToString(CultureInfo.InvariantCulture), $"{figure.PathText} as shown");
            }
            var shown = figures.Select(f => f.PathText).ToHashSet();
            string[] expectedShown = [
                """["counts","patients"]""", """["counts","sessions","performed"]""", """["counts","screeningOutcomes","eligible"]""",
                """["counts","performedSessions","byProduct","HA cocktail"]""", """["counts","performedSessions","byLot","LOT-A"]""",
                """["ratesByLot","LOT-A","sideEffectsPerSession"]""", """["ratesByLot","LOT-B","sideEffectsPerSession"]""",
                """["ratesByArea","face","sideEffects"]""", $"""["ratesByPractitioner","{journey.PractitionerId}","performedSessions"]""",
                """["counts","regulatorNotifications"]""", """["counts","overdueReports","length"]""", """["counts","reportsDue","length"]""",
            ];
            expectedShown.ShouldBeSubsetOf(shown);
            shown.ShouldContain(path => path.StartsWith("""["counts","performedSessionsByMonth","""), "sessions over time");
            ValueAt(api, ["counts", "patients"]).ShouldBe(2m);
            api["counts"]!["patientsByMonth"]!.AsObject().Sum(month => month.Value!.GetValue<int>()).ShouldBe(2);
            ValueAt(api, ["counts", "performedSessionsByMonth", ClinicDashboard.MonthOf(Journey.Slot(3))]).ShouldBe(2m, "both performed three days on");
            ValueAt(api, ["ratesByLot", "LOT-A", "sideEffectsPerSession"]).ShouldBe(1m, "the journey's one side effect followed the LOT-A session");
            ValueAt(api, ["counts", "reportsDue", "length"]).ShouldBe(1m, "the serious side effect's report is due");
        }

        [Fact]
        public async Task The_development_token_is_an_analysts_for_the_clinic_asked_and_reads_its_dashboard_only()
        {
            var clinic = TestClinic.Unique("dash");
            var token = (await host.AnonymousClient().GetOkAsync($"/dashboard/dev-token?clinic={clinic}"))["token"]!.GetValue<string>();
            var analyst = host.WithToken(token);

            (await analyst.GetAsync("/api/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await analyst.GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "an analyst reads the dashboard only");
            (await analyst.GetAsync("/api/dashboard?clinic=another-clinic")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        /// <summary>Only a browser on the same machine is given a token: not one from elsewhere, nor one through Docker's gateway.</summary>
        [Theory]
        [InlineData("10.0.0.5", HttpStatusCode.NotFound)]
        [InlineData("172.17.0.1", HttpStatusCode.NotFound)]
        [InlineData("127.0.0.1", HttpStatusCode.OK)]
        [InlineData("::1", HttpStatusCode.OK)]
        public async Task The_development_token_is_given_to_a_caller_on_the_loopback_address_only(string caller, HttpStatusCode expected)
        {
            var client = host.AnonymousClient();
            client.DefaultRequestHeaders.Add(DevelopmentApiHost.CallerHeader, caller);

            var answer = await client.GetAsync("/dashboard/dev-token");

            answer.StatusCode.ShouldBe(expected);
            if (expected == HttpStatusCode.OK)
                (await answer.Content.ReadAsStringAsync()).ShouldContain("\"token\"");
        }

        /// <summary>Two patients treated with lots A and B, a serious side effect after the LOT-A session (its report due).</summary>
        private async Task<Journey> TreatedClinicAsync()
        {
            var journey = await new Journey(host, TestClinic.Unique("dash")).ReadyForTreatmentAsync();
            var second = await journey.AnotherPatient().PatientReadyAsync();
            var lotA = await journey.PerformedSessionAsync(Journey.Slot(3), "LOT-A");
            await second.PerformedSessionAsync(Journey.Slot(3, hour: 14), "LOT-B");
            await journey.ReportSideEffectAsync(lotA, serious: true, onsetAt: Journey.Slot(3).AddHours(4));
            return journey;
        }

        /// <summary>Opens the page in Chromium (one launch), waits until it has shown the dashboard, and reads every figure it shows.</summary>
        private async Task<(IReadOnlyList<ShownFigure> Figures, string Screenshot)> ShownFiguresAsync(string path)
        {
            File.Exists(ChromiumPath).ShouldBeTrue(
                $"No browser at {ChromiumPath}: the dashboard page is tested in a real Chromium. Install it (apt-get install chromium); .ci/run does as root.");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var scriptErrors = new List<string>();
            page.PageError += (_, error) => scriptErrors.Add(error);

            await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
            await page.WaitForSelectorAsync("body:not([data-state='loading'])");
            var state = await page.GetAttributeAsync("body", "data-state");
            state.ShouldBe("ready", $"the page says: {await page.TextContentAsync("#status")}; script errors: {string.Join("; ", scriptErrors)}");
            scriptErrors.ShouldBeEmpty();

            var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            var figures = await page.Locator("[data-figure]").EvaluateAllAsync<string[][]>(
                "elements => elements.map(e => [e.dataset.figure, e.dataset.value, e.textContent])");
            figures.Length.ShouldBeGreaterThan(0);
            return (figures.Select(f => new ShownFigure(f[0], f[1], f[2])).ToList(), screenshot);
        }
    }

    public class OutsideDevelopment(ApiHost host) : IClassFixture<ApiHost>
    {
        [Fact]
        public async Task The_page_and_its_scripts_are_served_without_a_token_but_no_development_token_is()
        {
            var client = host.AnonymousClient();

            var page = await client.GetAsync("/dashboard");
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            (await page.Content.ReadAsStringAsync()).ShouldContain("/dashboard/dashboard.js");
            foreach (var file in new[] { "/dashboard/dashboard.js", "/dashboard/chart.umd.js", "/dashboard/dashboard.css" })
                (await client.GetAsync(file)).StatusCode.ShouldBe(HttpStatusCode.OK, file);
            (await client.GetAsync("/dashboard/dev-token")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync("/dashboard/dev-token?clinic=lyon")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        [Fact]
        public async Task The_page_and_its_files_run_only_this_apis_scripts_and_talk_only_to_it_and_the_page_is_revalidated()
        {
            var client = host.AnonymousClient();

            var page = await client.GetAsync("/dashboard");
            ContentSecurityPolicyOf(page).ShouldBe(DashboardPage.ContentSecurityPolicy);
            page.Headers.CacheControl!.NoCache.ShouldBeTrue();
            foreach (var file in new[] { "/dashboard/index.html", "/dashboard/dashboard.js", "/dashboard/chart.umd.js", "/dashboard/dashboard.css" })
                ContentSecurityPolicyOf(await client.GetAsync(file)).ShouldBe(DashboardPage.ContentSecurityPolicy, file);
            var directives = DashboardPage.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries);
            directives.ShouldContain("script-src 'self'");
            directives.ShouldContain("connect-src 'self'");
            // Allowed no inline script, the page must hold none: every script element names its file.
            Regex.Matches(await page.Content.ReadAsStringAsync(), "<script[^>]*>").Select(tag => tag.Value)
                .ShouldAllBe(tag => tag.Contains("src=\"/dashboard/"));
        }

        private static string ContentSecurityPolicyOf(HttpResponseMessage response) =>
            response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();

        [Fact]
        public async Task The_openapi_document_lists_the_api_and_not_the_page()
        {
            var paths = (await host.AnonymousClient().GetOkAsync("/openapi/v1.json"))["paths"]!.AsObject();

            paths.Select(p => p.Key).ShouldNotContain(path => path.StartsWith("/dashboard"));
            paths.ContainsKey("/api/dashboard").ShouldBeTrue();
        }
    }

    /// <summary>
    /// The number at <paramref name="path"/> in the dashboard's answer, as the page reads it: a rate list is entered by
    /// its key, <c>length</c> counts a list, an absent count is 0.
    /// </summary>
    private static decimal ValueAt(JsonNode dashboard, IEnumerable<string> path) =>
        path.Aggregate((JsonNode?)dashboard, (node, key) => node switch
        {
            JsonArray list when key == "length" => JsonValue.Create((decimal)list.Count),
            JsonArray list => list.Single(item => item!["key"]!.GetValue<string>() == key),
            JsonObject members => members[key] ?? JsonValue.Create(0m),
            _ => throw new InvalidOperationException($"No member {key} in {node?.ToJsonString()}"),
        })!.GetValue<decimal>();

    /// <summary>A number the page shows: its path in the answer (JSON), its value as the API gave it, its text.</summary>
    private sealed record ShownFigure(string PathText, string ValueText, string Text)
    {
        public string[] Path => JsonSerializer.Deserialize<string[]>(PathText)!;
        public decimal Value => decimal.Parse(ValueText, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
