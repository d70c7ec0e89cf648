using System.Net;
using System.Net.Sockets;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// A loopback TCP relay in front of the test database, that a test can cut and restore: the API behind it
/// then meets a database that stops answering, without stopping the server other tests share.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;

    private TcpRelay(IPEndPoint target) => _target = target;

    public int Port { get; private set; }

    public static TcpRelay Start(string host, int port)
    {
        var relay = new TcpRelay(new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port));
        relay.Listen();
        return relay;
    }

    /// <summary>Drops every relayed connection and refuses new ones.</summary>
    public void Cut()
    {
        _listener?.Stop();
        _listener = null;
        lock (_connections)
        {
            _connections.ForEach(connection => connection.Dispose());
            _connections.Clear();
        }
    }

    /// <summary>Accepts connections again, on the same port.</summary>
    public void Restore() => Listen();

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private void Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _ = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                var server = new TcpClient();
                await server.ConnectAsync(_target);
                lock (_connections)
                    _connections.AddRange([client, server]);
                _ = PipeAsync(client, server);
                _ = PipeAsync(server, client);
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Cut: the listener was stopped.
        }
    }

    private static async Task PipeAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException)
        {
            // One side was closed or cut.
        }
        finally
        {
            to.Dispose();
        }
    }
}
