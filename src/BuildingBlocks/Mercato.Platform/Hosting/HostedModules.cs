namespace Mercato.Platform.Hosting;

/// <summary>The modules this process hosts, as chosen by <c>--services</c>.</summary>
public sealed class HostedModules(IReadOnlyList<MercatoModule> hosted, IReadOnlyList<MercatoModule> known)
{
    /// <summary>The name of the gateway pseudo-module, which <c>all</c> does not include.</summary>
    public const string GatewayName = "gateway";

    /// <summary>Modules running in this process.</summary>
    public IReadOnlyList<MercatoModule> Hosted { get; } = hosted;

    /// <summary>Every module the executable knows, hosted here or elsewhere.</summary>
    public IReadOnlyList<MercatoModule> Known { get; } = known;

    /// <summary>Whether the named module runs in this process.</summary>
    public bool IsHosted(string name) => Hosted.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Picks modules from a comma-separated list of names, case-insensitive. <c>all</c> (or an
    /// empty list) means every module that runs embedded, which excludes the gateway; it combines
    /// with other names (<c>all,gateway</c>). The result keeps the known modules' start order.
    /// </summary>
    /// <exception cref="InvalidConfigurationException">A name is not a known module.</exception>
    public static HostedModules Select(string? services, IReadOnlyList<MercatoModule> known)
    {
        var names = (services ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var selected = new HashSet<MercatoModule>();
        foreach (var name in names.Length == 0 ? ["all"] : names)
        {
            if (string.Equals(name, "all", StringComparison.OrdinalIgnoreCase))
            {
                // The gateway only fronts other processes, so "all" leaves it out.
                selected.UnionWith(known.Where(m => m.Name != GatewayName));
                continue;
            }

            selected.Add(known.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidConfigurationException(
                    $"Unknown service '{name}' in --services (Mercato:Services). Known services: all, {string.Join(", ", known.Select(m => m.Name))}."));
        }

        return new HostedModules(known.Where(selected.Contains).ToList(), known);
    }
}
