using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Concurrency;

/// <summary>
/// A command whose stream another writer moves while it decides: Wolverine decides it again on the fresh
/// state, a bounded number of times, and only then answers 409 <c>concurrency-conflict</c>, having written nothing.
/// </summary>
public class ConcurrencyConflictTests(ConcurrencyConflictTests.NoRetryApiHost noRetries) : IClassFixture<ConcurrencyConflictTests.NoRetryApiHost>
{
    [Fact]
    public async Task With_no_retry_left_a_command_whose_stream_moved_while_it_decided_is_409_and_writes_nothing()
    {
        var (journey, response) = await ConsentWhileAnotherWriterAppendsAsync(noRetries);

        await HttpJson.ProblemAsync(response, HttpStatusCode.Conflict, "concurrency-conflict");
        (await ConsentEventsAsync(noRetries, journey)).ShouldBe(2, "the first consent and the other writer's, none from the refused command");
    }

    [Fact]
    public async Task With_retries_left_it_is_decided_again_on_the_fresh_state_and_recorded()
    {
        await using var retries = new ApiHost();
        await retries.InitializeAsync();

        var (journey, response) = await ConsentWhileAnotherWriterAppendsAsync(retries);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await ConsentEventsAsync(retries, journey)).ShouldBe(3);
    }

    private static async Task<(Journey Journey, HttpResponseMessage Response)> ConsentWhileAnotherWriterAppendsAsync(ApiHost host)
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        await journey.ConsentAsync();
        await using var other = await WriterInTheWay.AppendAsync(host, journey.Clinic, journey.PatientId);

        var consent = journey.Practitioner.PostAsJsonAsync($"{journey.PatientPath}/consents",
            new { scope = new[] { "body" }, formVersion = "v3", signedAt = Journey.Now }, HttpJson.Options);
        await other.WaitUntilSomeoneWaitsAsync();
        await other.CommitAsync();
        return (journey, await consent);
    }

    private static async Task<int> ConsentEventsAsync(ApiHost host, Journey journey)
    {
        await using var session = host.Store().QuerySession(journey.Clinic);
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == journey.PatientId && e.EventTypeName == "consent-recorded.v1").CountAsync();
    }

    /// <summary>The API with no concurrency retry: a conflict is answered at once.</summary>
    public sealed class NoRetryApiHost : ApiHost
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Messaging:ConcurrencyRetries", "0")];
    }
}
