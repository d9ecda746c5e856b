using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.Options;

namespace Mercato.Webhooks.Ssrf;

/// <summary>One entry of <c>Webhooks:AllowedHosts</c>: a host name or a CIDR range.</summary>
/// <param name="Host">The host name (lower case), or null for a range.</param>
/// <param name="Range">The range, or null for a host name.</param>
internal sealed record AllowListEntry(string? Host, IpRange? Range);

/// <summary>
/// <c>Webhooks:AllowedHosts</c>: the only way around the public-address rule. A listed host
/// name is exempt whatever it resolves to; an address in a listed range is exempt.
/// </summary>
internal sealed class AllowList(IOptions<WebhooksOptions> options)
{
    private readonly AllowListEntry[] _entries = [.. options.Value.AllowedHosts.Select(h => TryParseEntry(h, out var e) ? e : throw new FormatException(h))];

    /// <summary>Reads one entry: a CIDR range or address, or a DNS host name.</summary>
    public static bool TryParseEntry(string? text, [NotNullWhen(true)] out AllowListEntry? entry)
    {
        entry = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (IpRange.TryParse(value, out var range))
        {
            entry = new AllowListEntry(null, range);
            return true;
        }

        if (Uri.CheckHostName(value) == UriHostNameType.Dns)
        {
            entry = new AllowListEntry(Normalise(value), null);
            return true;
        }

        return false;
    }

    /// <summary>Whether the host name is listed.</summary>
    public bool AllowsName(string host)
    {
        var name = Normalise(host);
        return _entries.Any(e => e.Host == name);
    }

    /// <summary>Whether the address lies in a listed range.</summary>
    public bool AllowsAddress(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _entries.Any(e => e.Range is { } r && (r.Contains(address) || r.Contains(plain)));
    }

    /// <summary>A host name as compared: lower case, without a trailing dot.</summary>
    public static string Normalise(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();
}
