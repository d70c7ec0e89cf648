using System.Text.Json.Nodes;

namespace Clinic.Api.Tests.Support;

/// <summary>Reads a clinic's audit trail page by page, the way a client is meant to: each page's <c>next</c> is the following page's <c>after</c>.</summary>
public static class AuditTrail
{
    private const int MaxPages = 1000;

    /// <param name="filters">Further query parameters, each starting with <c>&amp;</c>.</param>
    public static async Task<IReadOnlyList<JsonNode>> PagesAsync(HttpClient client, int limit, string filters = "")
    {
        var pages = new List<JsonNode>();
        var after = 0L;
        while (pages.Count < MaxPages)
        {
            var page = await client.GetOkAsync($"/api/audit?after={after}&limit={limit}{filters}");
            pages.Add(page);
            if (!page["more"]!.GetValue<bool>())
                return pages;
            after = page["next"]!.GetValue<long>();
        }
        throw new InvalidOperationException($"The audit trail did not end within {MaxPages} pages.");
    }

    public static async Task<IReadOnlyList<JsonNode>> EntriesAsync(HttpClient client, string filters = "") =>
        Entries(await PagesAsync(client, 1000, filters));

    public static IReadOnlyList<JsonNode> Entries(IEnumerable<JsonNode> pages) =>
        pages.SelectMany(page => page["entries"]!.AsArray()).Select(entry => entry!).ToList();

    /// <summary>The event types a clinic recorded, in order, the views of its audit trail (such as this one) aside.</summary>
    public static async Task<IReadOnlyList<string>> RecordedAsync(ApiHost host, HttpClient admin)
    {
        await host.WaitForProjectionsAsync();
        return Types(await EntriesAsync(admin)).Where(type => type != "record-viewed.v1").ToList();
    }

    public static IReadOnlyList<string> Types(IEnumerable<JsonNode> entries) =>
        entries.Select(entry => entry["eventType"]!.GetValue<string>()).ToList();
}
