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
    /// Picks modules from a comma-separated list (<c>all</c> or empty means every module).
    /// </summary>
    /// <exception cref="InvalidConfigurationException">A name is not a known module.</exception>
    public static HostedModules Select(string? services, IReadOnlyList<MercatoModule> known)
    {
        var names = (services ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0 || names.Any(n => string.Equals(n, "all", StringComparison.OrdinalIgnoreCase)))
        {
            // "all" means every module that runs embedded; the gateway only fronts other processes.
            return new HostedModules(known.Where(m => m.Name != GatewayName).ToList(), known);
        }

        var hosted = new List<MercatoModule>();
        foreach (var name in names)
        {
            var module = known.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidConfigurationException(
                    $"Unknown service '{name}' in --services (Mercato:Services). Known services: all, {string.Join(", ", known.Select(m => m.Name))}.");
            if (!hosted.Contains(module))
            {
                hosted.Add(module);
            }
        }

        return new HostedModules(hosted, known);
    }
}
