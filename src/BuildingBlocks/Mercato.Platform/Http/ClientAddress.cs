using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Http;

/// <summary>Who is calling, by network address, for budgets and throttles counted per client.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The client's address (which ForwardedHeaders has already taken from <c>X-Forwarded-For</c>
    /// when a trusted proxy sent it); an IPv6 client is counted by its /64 network, the smallest
    /// block a single subscriber is usually given, so rotating addresses inside it buys nothing.
    /// </summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => Network64(v6),
        IPAddress address => address.ToString(),
    };

    private static string Network64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
