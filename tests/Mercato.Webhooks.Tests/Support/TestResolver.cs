using System.Collections.Concurrent;
using System.Net;
using Mercato.Webhooks.Ssrf;

namespace Mercato.Webhooks.Tests.Support;

/// <summary>
/// The host's resolver in tests: names a test sets resolve to its addresses (and may be changed,
/// as a rebinding attacker's DNS does); other names resolve to nothing (the sandbox has no DNS).
/// </summary>
internal sealed class TestResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<IPAddress[]>> _sequences = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lookups made, by name.</summary>
    public ConcurrentDictionary<string, int> Lookups { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes <paramref name="host"/> resolve to <paramref name="addresses"/>.</summary>
    public void Set(string host, params string[] addresses) => _names[host] = [.. addresses.Select(IPAddress.Parse)];

    /// <summary>
    /// Makes the next lookups of <paramref name="host"/> answer <paramref name="first"/> once, then
    /// <paramref name="then"/> (a rebinding attacker's DNS with a zero TTL).
    /// </summary>
    public void SetFlipping(string host, string first, string then)
    {
        _sequences[host] = new ConcurrentQueue<IPAddress[]>([[IPAddress.Parse(first)]]);
        Set(host, then);
    }

    /// <inheritdoc />
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Lookups.AddOrUpdate(host, 1, (_, n) => n + 1);
        if (_sequences.TryGetValue(host, out var sequence) && sequence.TryDequeue(out var next))
        {
            return Task.FromResult(next);
        }

        return Task.FromResult(_names.TryGetValue(host, out var addresses) ? addresses : []);
    }
}
