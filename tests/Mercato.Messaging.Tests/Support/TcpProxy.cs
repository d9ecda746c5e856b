using System.Net;
using System.Net.Sockets;
using Mercato.Testing;

namespace Mercato.Messaging.Tests.Support;

/// <summary>
/// A TCP forwarder on a fixed loopback port in front of the real broker, so a test can take
/// "the broker" away from one process: <see cref="StopAsync"/> stops listening and resets every
/// live connection (what a broker crash looks like to the client); <see cref="Start"/> listens
/// on the same port again.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly DnsEndPoint _upstream;
    private readonly Lock _lock = new();
    private readonly List<Socket> _sockets = [];
    private TcpListener? _listener;
    private Task? _accepting;

    /// <summary>Creates a proxy (not yet listening) to <paramref name="upstream"/>.</summary>
    public TcpProxy(Uri upstream)
    {
        _upstream = new DnsEndPoint(upstream.Host, upstream.Port);
        Port = FreePort.Next();
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Whether the proxy is listening.</summary>
    public bool IsUp => _listener is not null;

    /// <summary>Starts listening.</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            return;
        }

        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    /// <summary>Stops listening and resets every forwarded connection.</summary>
    public async Task StopAsync()
    {
        if (_listener is not { } listener)
        {
            return;
        }

        _listener = null;
        listener.Stop();
        await _accepting!;
        Socket[] live;
        lock (_lock)
        {
            live = [.. _sockets];
            _sockets.Clear();
        }

        foreach (var socket in live)
        {
            Reset(socket);
        }
    }

    /// <summary>A URI equal to <paramref name="uri"/> but pointing at the proxy.</summary>
    public Uri Rewrite(Uri uri) => new UriBuilder(uri) { Host = "127.0.0.1", Port = Port }.Uri;

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        using var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
        Track(client);
        Track(upstream);
        try
        {
            await upstream.ConnectAsync(_upstream);
            await using var clientStream = new NetworkStream(client, ownsSocket: false);
            await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
            await Task.WhenAny(clientStream.CopyToAsync(upstreamStream), upstreamStream.CopyToAsync(clientStream));
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            // Either side went away (or the proxy reset it); both are closed below.
        }
        finally
        {
            Reset(client);
            Reset(upstream);
            client.Dispose();
        }
    }

    private void Track(Socket socket)
    {
        lock (_lock)
        {
            _sockets.Add(socket);
        }
    }

    private void Reset(Socket socket)
    {
        lock (_lock)
        {
            _sockets.Remove(socket);
        }

        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();
}
