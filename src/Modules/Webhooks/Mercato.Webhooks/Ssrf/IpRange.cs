using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Mercato.Webhooks.Ssrf;

/// <summary>A CIDR range (<c>10.0.0.0/8</c>, <c>fe80::/10</c>); a bare address is a range of one.</summary>
internal sealed class IpRange
{
    private readonly byte[] _network;
    private readonly int _prefix;

    private IpRange(IPAddress network, int prefix)
    {
        _network = network.GetAddressBytes();
        _prefix = prefix;
        Network = network;
    }

    /// <summary>The range's first address.</summary>
    public IPAddress Network { get; }

    /// <summary>Parses a range; throws when it is not one.</summary>
    public static IpRange Parse(string text) => TryParse(text, out var range) ? range : throw new FormatException($"Not a CIDR range: {text}");

    /// <summary>Parses <c>address/prefix</c> or a bare address (in the standard dotted or colon notation only).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out IpRange? range)
    {
        range = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
        {
            return false;
        }

        var bits = address.GetAddressBytes().Length * 8;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            return false;
        }

        var network = address.GetAddressBytes();
        for (var i = 0; i < network.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            network[i] &= (byte)(0xFF << (8 - keep));
        }

        range = new IpRange(new IPAddress(network), prefix);
        return true;
    }

    /// <summary>Whether <paramref name="address"/> lies in the range (same family only).</summary>
    public bool Contains(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (bytes.Length != _network.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(_prefix - (i * 8), 0, 8);
            var mask = (byte)(0xFF << (8 - keep));
            if ((bytes[i] & mask) != _network[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Network}/{_prefix}";
}
