using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// One HTTP/1.1 exchange written by hand over TCP, for requests no HTTP client would send (a NUL in the path, a
/// broken chunked body), and the answer exactly as the server wrote it. Each request asks the server to close the
/// connection once it has answered, so the answer is everything read until then.
/// </summary>
public sealed record RawHttp(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <param name="withHost">False to leave out the <c>Host</c> header, which HTTP/1.1 requires.</param>
    public static async Task<RawHttp> SendAsync(Uri server, string requestLine, IEnumerable<string> headers, string body = "", bool withHost = true)
    {
        IEnumerable<string> lines = [requestLine, .. withHost ? [$"Host: {server.Authority}"] : Array.Empty<string>(), "Connection: close", .. headers];
        var request = $"{string.Concat(lines.Select(line => line + "\r\n"))}\r\n{body}";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), timeout.Token);
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, timeout.Token);
        return Parse(answer.ToArray());
    }

    private static RawHttp Parse(byte[] answer)
    {
        var headEnd = answer.AsSpan().IndexOf("\r\n\r\n"u8);
        var lines = Encoding.ASCII.GetString(answer, 0, headEnd).Split("\r\n");
        var headers = lines.Skip(1).Select(line => line.Split(':', 2))
            .ToDictionary(header => header[0], header => header[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = answer[(headEnd + 4)..];
        return new RawHttp(int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture), headers,
            Encoding.UTF8.GetString(headers.GetValueOrDefault("Transfer-Encoding") == "chunked" ? Unchunked(body) : body));
    }

    private static byte[] Unchunked(byte[] body)
    {
        using var content = new MemoryStream();
        var at = 0;
        while (true)
        {
            var sizeEnd = at + body.AsSpan(at).IndexOf("\r\n"u8);
            var size = int.Parse(Encoding.ASCII.GetString(body, at, sizeEnd - at), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
                return content.ToArray();
            content.Write(body, sizeEnd + 2, size);
            at = sizeEnd + 2 + size + 2;
        }
    }
}
