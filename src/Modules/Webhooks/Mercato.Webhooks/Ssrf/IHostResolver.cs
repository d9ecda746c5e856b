using System.Net;

namespace Mercato.Webhooks.Ssrf;

/// <summary>Turns a host name into addresses (DNS); tests put their own names in.</summary>
internal interface IHostResolver
{
    /// <summary>The addresses of <paramref name="host"/> (empty when it has none).</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system's resolver.</summary>
internal sealed class DnsHostResolver : IHostResolver
{
    /// <inheritdoc />
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return [];
        }
    }
}
