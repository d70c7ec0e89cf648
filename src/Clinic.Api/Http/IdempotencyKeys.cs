using System.Security.Cryptography;
using Clinic.Messaging.Idempotency;

namespace Clinic.Api.Http;

/// <summary>
/// Reads the <c>Idempotency-Key</c> header and fingerprints the request it came with (method, path, body),
/// so that the command bus can tell a retry of the same request from a reuse of the key for another one.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;
    private static readonly object ItemKey = new();

    public static IdempotencyKey? Of(HttpContext context) => context.Items[ItemKey] as IdempotencyKey;

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength)
        {
            await CommandResults.Problem(StatusCodes.Status400BadRequest, "malformed-idempotency-key",
                $"An {Header} has 1 to {MaxKeyLength} characters.").ExecuteAsync(context);
            return;
        }
        context.Items[ItemKey] = new IdempotencyKey(key, await FingerprintAsync(context.Request));
        await next(context);
    });

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
            hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
