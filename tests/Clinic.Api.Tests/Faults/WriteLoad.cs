using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Faults;

/// <summary>
/// Clients registering patients at one clinic as fast as the API lets them, until stopped. Keeps the id of every
/// registration the API acknowledged (201), and every answer that is neither that nor an outage's 503
/// <c>database-unavailable</c> with a <c>Retry-After</c>. A request the API does not answer (its process is
/// gone) is counted, and tried again a moment later.
/// </summary>
public sealed class WriteLoad : IAsyncDisposable
{
    private static readonly TimeSpan PauseAfterRefusal = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _clients;
    private int _outageAnswers;
    private int _unanswered;

    private WriteLoad(ApiProcess api, string clinic, int clients) =>
        _clients = Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => RegisterUntilStoppedAsync(api.Client("receptionist", clinic)))));

    public ConcurrentQueue<Guid> Acknowledged { get; } = new();

    /// <summary>Answers a client should never get: a 500, a 503 without its code or Retry-After, anything unexpected.</summary>
    public ConcurrentQueue<string> WrongAnswers { get; } = new();

    public int OutageAnswers => _outageAnswers;
    public int Unanswered => _unanswered;

    public static WriteLoad Start(ApiProcess api, string clinic, int clients = 4) => new(api, clinic, clients);

    /// <summary>Waits until <paramref name="more"/> registrations beyond those acknowledged so far are acknowledged (the API serves).</summary>
    public Task WaitForMoreAcknowledgedAsync(int more)
    {
        var target = Acknowledged.Count + more;
        return Eventually.WaitForAsync(() => Acknowledged.Count >= target ? this : null);
    }

    /// <summary>Waits until the clients have had <paramref name="count"/> outage answers (503) in all.</summary>
    public Task WaitForOutageAnswersAsync(int count) => Eventually.WaitForAsync(() => OutageAnswers >= count ? this : null);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _clients;
        _stop.Dispose();
    }

    private async Task RegisterUntilStoppedAsync(HttpClient client)
    {
        using (client)
        {
            var patient = Journey.NewPatient(new DateOnly(1985, 6, 15), lastName: "Load");
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/patients", patient, HttpJson.Options, _stop.Token);
                    await RecordAsync(response);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref _unanswered);
                    await PauseAsync();
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    // Stopped: a request cut short was not acknowledged.
                }
            }
        }
    }

    private async Task RecordAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Created)
        {
            Acknowledged.Enqueue(JsonNode.Parse(body)!["id"]!.GetValue<Guid>());
            return;
        }
        if (IsOutageAnswer(response, body))
            Interlocked.Increment(ref _outageAnswers);
        else
            WrongAnswers.Enqueue($"{(int)response.StatusCode} {response.Headers.RetryAfter} {body}");
        await PauseAsync();
    }

    private static bool IsOutageAnswer(HttpResponseMessage response, string body) =>
        response.StatusCode == HttpStatusCode.ServiceUnavailable
        && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
        && response.Headers.RetryAfter?.Delta > TimeSpan.Zero
        && JsonNode.Parse(body)?["code"]?.GetValue<string>() == "database-unavailable";

    private async Task PauseAsync()
    {
        try
        {
            await Task.Delay(PauseAfterRefusal, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
