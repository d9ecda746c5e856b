using System.Globalization;
using System.Net;

namespace Mercato.Webhooks.Ssrf;

/// <summary>
/// Reads a URL's host the way a resolver (<c>inet_aton</c>) would, so that no spelling of an
/// address slips past the rules as a "name": <c>2130706433</c>, <c>0177.0.0.1</c>,
/// <c>0x7f.0.0.1</c>, <c>127.1</c> and <c>127.0.0.1.</c> are all 127.0.0.1.
/// </summary>
internal static class HostLiteral
{
    /// <summary>The address <paramref name="host"/> spells, or null when it is a name.</summary>
    public static IPAddress? Parse(string host)
    {
        var text = host.Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            // IPv6 (a zone index such as %eth0 is refused: it names a local interface).
            return !text.Contains('%', StringComparison.Ordinal) && IPAddress.TryParse(text, out var v6) ? v6 : null;
        }

        text = text.TrimEnd('.');
        var parts = text.Split('.');
        if (parts.Length is < 1 or > 4)
        {
            return null;
        }

        var values = new ulong[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryNumber(parts[i], out values[i]))
            {
                return null;
            }
        }

        // Every part but the last is one byte; the last fills the remaining bytes.
        ulong result = 0;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (values[i] > 0xFF)
            {
                return null;
            }

            result |= values[i] << (8 * (3 - i));
        }

        var last = values[^1];
        var lastBits = 8 * (4 - (parts.Length - 1));
        if (lastBits < 64 && last >= 1UL << lastBits)
        {
            return null;
        }

        result |= last;
        return new IPAddress(
        [
            (byte)(result >> 24), (byte)(result >> 16), (byte)(result >> 8), (byte)result,
        ]);
    }

    private static bool TryNumber(string part, out ulong value)
    {
        value = 0;
        if (part.Length == 0)
        {
            return false;
        }

        if (part.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var digits = part[2..];
            // inet_aton reads a bare "0x" as zero.
            return digits.Length == 0
                || (digits.Length <= 16 && digits.All(char.IsAsciiHexDigit) && ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value));
        }

        if (part.Length > 1 && part[0] == '0')
        {
            foreach (var c in part)
            {
                if (c is < '0' or > '7')
                {
                    return false;
                }

                if (value > (ulong.MaxValue >> 3))
                {
                    return false;
                }

                value = (value << 3) + (uint)(c - '0');
            }

            return true;
        }

        return part.All(char.IsAsciiDigit) && ulong.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
