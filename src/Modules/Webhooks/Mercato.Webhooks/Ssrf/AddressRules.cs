using System.Net;
using System.Net.Sockets;

namespace Mercato.Webhooks.Ssrf;

/// <summary>
/// Which addresses are public, that is, may receive a webhook: not loopback, private,
/// link-local (the cloud metadata address among them), unique-local, CGNAT, multicast,
/// broadcast, reserved, documentation or benchmark ranges, nor an IPv6 form that embeds such an
/// IPv4 address (mapped, compatible, NAT64, 6to4). Outside IPv6's global unicast range
/// (<c>2000::/3</c>) nothing is public.
/// </summary>
internal static class AddressRules
{
    private static readonly IpRange[] NonPublicV4 =
    [
        IpRange.Parse("0.0.0.0/8"),        // "this network", 0.0.0.0
        IpRange.Parse("10.0.0.0/8"),       // private
        IpRange.Parse("100.64.0.0/10"),    // carrier-grade NAT
        IpRange.Parse("127.0.0.0/8"),      // loopback
        IpRange.Parse("169.254.0.0/16"),   // link-local, cloud metadata (169.254.169.254)
        IpRange.Parse("172.16.0.0/12"),    // private
        IpRange.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IpRange.Parse("192.0.2.0/24"),     // documentation (TEST-NET-1)
        IpRange.Parse("192.88.99.0/24"),   // 6to4 relay anycast
        IpRange.Parse("192.168.0.0/16"),   // private
        IpRange.Parse("198.18.0.0/15"),    // benchmarking
        IpRange.Parse("198.51.100.0/24"),  // documentation (TEST-NET-2)
        IpRange.Parse("203.0.113.0/24"),   // documentation (TEST-NET-3)
        IpRange.Parse("224.0.0.0/4"),      // multicast
        IpRange.Parse("240.0.0.0/4"),      // reserved, broadcast 255.255.255.255
    ];

    private static readonly IpRange GlobalUnicastV6 = IpRange.Parse("2000::/3");

    private static readonly IpRange[] NonPublicV6 =
    [
        IpRange.Parse("2001::/23"),        // IETF protocol assignments (Teredo, ORCHID, benchmarking)
        IpRange.Parse("2001:db8::/32"),    // documentation
        IpRange.Parse("3fff::/20"),        // documentation
    ];

    private static readonly IpRange Nat64 = IpRange.Parse("64:ff9b::/96");
    private static readonly IpRange SixToFour = IpRange.Parse("2002::/16");

    /// <summary>Whether <paramref name="address"/> is public; when not, <paramref name="reason"/> says why.</summary>
    public static bool IsPublic(IPAddress address, out string reason)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var range = NonPublicV4.FirstOrDefault(r => r.Contains(address));
            reason = range is null ? string.Empty : $"{address} is in the non-public range {range}";
            return range is null;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            reason = $"{address} is not an IP address";
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return Embedded(address, address.MapToIPv4(), "an IPv4-mapped form", out reason);
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return Embedded(address, new IPAddress(bytes.AsSpan(12, 4)), "a NAT64 form", out reason);
        }

        if (SixToFour.Contains(address))
        {
            return Embedded(address, new IPAddress(bytes.AsSpan(2, 4)), "a 6to4 form", out reason);
        }

        if (!GlobalUnicastV6.Contains(address))
        {
            // ::, ::1, IPv4-compatible ::a.b.c.d, fc00::/7, fe80::/10, fec0::/10, ff00::/8, 100::/64 ...
            reason = $"{address} is not a global unicast IPv6 address";
            return false;
        }

        var reserved = NonPublicV6.FirstOrDefault(r => r.Contains(address));
        reason = reserved is null ? string.Empty : $"{address} is in the non-public range {reserved}";
        return reserved is null;
    }

    private static bool Embedded(IPAddress address, IPAddress v4, string form, out string reason)
    {
        if (IsPublic(v4, out var inner))
        {
            reason = string.Empty;
            return true;
        }

        reason = $"{address} is {form} of {v4}: {inner}";
        return false;
    }
}
