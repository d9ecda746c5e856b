using System.Net;
using System.Net.Sockets;

namespace Mercato.Webhooks.Ssrf;

/// <summary>
/// The webhook client's connection step (<see cref="SocketsHttpHandler.ConnectCallback"/>): the
/// host is resolved once, every address checked by <see cref="AddressGuard"/>, and the socket
/// connected to a checked address, so no second lookup can swap in another (DNS rebinding).
/// </summary>
internal sealed class PinnedConnections(AddressGuard guard)
{
    /// <summary>The handler every delivery goes through: pinned connections, no redirects, no proxy, no cookies.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = ConnectAsync,
    };

    /// <summary>Opens a connection to a checked address of the request's host.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var decision = await guard.CheckAsync(context.DnsEndPoint.Host, cancellationToken);
        if (decision.Problem is not null)
        {
            throw new AddressRefusedException("refused by the SSRF rule: " + decision.Problem);
        }

        Exception? last = null;
        foreach (var address in decision.Addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
