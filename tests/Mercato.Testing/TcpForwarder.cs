using System.Net;
using System.Net.Sockets;

namespace Mercato.Testing;

/// <summary>
/// A loopback port that forwards TCP connections to another server, and that a test can take
/// down (connections refused, open ones cut) and bring back on the same port: a server that is
/// down for a while, as the code under test sees it.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _running;
    private Task? _accepting;

    /// <summary>Creates a forwarder to <paramref name="targetHost"/>:<paramref name="targetPort"/> on a free port; it starts down.</summary>
    public TcpForwarder(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        Port = FreePort.Next();
    }

    /// <summary>The loopback port to connect to.</summary>
    public int Port { get; }

    /// <summary>Starts accepting and forwarding.</summary>
    public void Up()
    {
        if (_listener is not null)
        {
            return;
        }

        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync(_listener, _running.Token);
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public async Task DownAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _running!.CancelAsync();
        _listener.Stop();
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }

        try
        {
            await _accepting!;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // stopped
        }

        _running.Dispose();
        _listener = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await DownAsync();

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            _ = ForwardAsync(inbound, cancellationToken);
        }
    }

    private async Task ForwardAsync(TcpClient inbound, CancellationToken cancellationToken)
    {
        var outbound = new TcpClient();
        lock (_open)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(_targetHost, _targetPort, cancellationToken);
            var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), cancellationToken);
            var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), cancellationToken);
            await Task.WhenAny(a, b);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // a side went away
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
