using System.Security.Cryptography;

namespace Clinic.Api.Http;

/// <summary>
/// Reads the <c>Idempotency-Key</c> header and fingerprints the request it came with (method, path, body),
/// so that a retry of the same request can be told from a reuse of the key for another one.
/// The key is read after authentication and authorization, and the body is hashed only when a command is sent
/// with it: a request refused before that (401, 403, 404, an unreadable body) is answered without its body being
/// read for the key, so an anonymous caller cannot make the API upload and hash tens of megabytes.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;
    private static readonly object ItemKey = new();

    /// <summary>The request's key with its fingerprint, or null without a key. Call it once the endpoint has read its body.</summary>
    public static async Task<IdempotencyKey?> OfAsync(HttpContext context, CancellationToken cancellationToken) =>
        context.Items[ItemKey] is string key ? new IdempotencyKey(key, await FingerprintAsync(context.Request, cancellationToken)) : null;

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length > MaxKeyLength)
        {
            await CommandResults.Problem(StatusCodes.Status400BadRequest, "malformed-idempotency-key",
                $"An {Header} has 1 to {MaxKeyLength} characters.").ExecuteAsync(context);
            return;
        }
        if (key.Length > 0)
        {
            // Reads nothing yet: it keeps what the endpoint reads, so the body can be read again to hash it.
            context.Request.EnableBuffering();
            context.Items[ItemKey] = key;
        }
        await next(context);
    });

    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        request.Body.Position = 0;
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            hash.AppendData(buffer, 0, read);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
