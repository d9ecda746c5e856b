using System.Net;

namespace Mercato.Webhooks.Ssrf;

/// <summary>What the guard decided about a host.</summary>
/// <param name="Addresses">The addresses to connect to (checked), when allowed.</param>
/// <param name="AllowListed">Whether the allow-list exempted the host (so plain http is allowed too).</param>
/// <param name="Problem">Why the host is refused, or null.</param>
internal sealed record GuardDecision(IReadOnlyList<IPAddress> Addresses, bool AllowListed, string? Problem);

/// <summary>
/// Resolves a host once and checks every address it has: all must be public, unless the
/// allow-list exempts the host name or the address. Address spellings are read as a resolver
/// reads them (<see cref="HostLiteral"/>).
/// </summary>
internal sealed class AddressGuard(IHostResolver resolver, AllowList allowList)
{
    /// <summary>Checks <paramref name="host"/> (a URL's host, brackets allowed around IPv6).</summary>
    public async Task<GuardDecision> CheckAsync(string host, CancellationToken cancellationToken)
    {
        var name = AllowList.Normalise(host.Trim('[', ']'));
        var literal = HostLiteral.Parse(name);
        var namedAllowed = literal is null && allowList.AllowsName(name);
        IPAddress[] addresses = literal is not null ? [literal] : await resolver.ResolveAsync(name, cancellationToken);
        if (addresses.Length == 0)
        {
            return new GuardDecision([], false, $"the host {name} does not resolve to any address");
        }

        if (namedAllowed)
        {
            return new GuardDecision(addresses, true, null);
        }

        foreach (var address in addresses)
        {
            if (!allowList.AllowsAddress(address) && !AddressRules.IsPublic(address, out var reason))
            {
                return new GuardDecision([], false, $"the address is not public ({reason})");
            }
        }

        return new GuardDecision(addresses, addresses.All(allowList.AllowsAddress), null);
    }
}
