using System.Text.Json;
using Mercato.Platform.Auth.ServiceTokens;
using Mercato.Platform.Http;
using Microsoft.Extensions.Hosting;

namespace Mercato.Platform.Hosting;

/// <summary>
/// <c>Mercato.Server service-clients [--json]</c>: for every module the executable knows, as it
/// would run alone in distributed mode, the client id and the scopes its own OAuth client needs.
/// Each module's host is composed (never built or started) with a placeholder
/// <c>Services:&lt;Name&gt;:Url</c> for every module and placeholder <c>Auth:ServiceClient</c>
/// credentials, so every neighbour's HTTP client and the log shipping are registered as in a real
/// deployment; the scopes are those its consumers declared for the HTTP clients that are in use
/// (<see cref="ModuleClientScopes"/>). This is the one source of the service clients that
/// <c>deploy/</c>, <c>scripts/run-distributed.sh</c> and the distributed tests configure.
/// Prints one line per service (<see cref="ServiceClientNeeds.ToLine"/>), or with <c>--json</c> one
/// JSON array of <c>{service, clientId, scopes}</c>. Other arguments are configuration, as for
/// serving (<c>--Logs:Shipping:Enabled false</c>). Exits 0, or 2 for a configuration error.
/// </summary>
public static class ServiceClientsCommand
{
    /// <summary>The command word.</summary>
    public const string Name = "service-clients";

    /// <summary>The switch for JSON output.</summary>
    public const string JsonSwitch = "--json";

    /// <summary>The placeholder client secret the composition is given (nothing is ever sent).</summary>
    private const string PlaceholderSecret = "placeholder";

    /// <summary>
    /// One row per module of <paramref name="known"/>, in its order: what that module needs when it
    /// is the only one in its process, configured by <paramref name="args"/>.
    /// </summary>
    /// <exception cref="InvalidConfigurationException"><paramref name="args"/> selects services; every module is listed.</exception>
    public static IReadOnlyList<ServiceClientNeeds> Table(
        string[] args, IReadOnlyList<MercatoModule> known, Action<IHostApplicationBuilder, HostedModules>? everyProcess = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(known);
        if (args.Any(a => a.StartsWith("--services", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidConfigurationException($"{Name} lists every service, each as it runs alone: drop --services.");
        }

        var rows = new List<ServiceClientNeeds>(known.Count);
        foreach (var module in known)
        {
            var (builder, _) = MercatoHost.Compose(args, known, everyProcess, Placeholders(module, known));
            using (builder.Configuration)
            {
                rows.Add(new ServiceClientNeeds(module.Name, ModuleClientScopes.NeededBy(builder.Services)));
            }
        }

        return rows;
    }

    /// <summary>Writes the table for <paramref name="args"/> (a command line after the command word) to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(
        TextWriter output, string[] args, IReadOnlyList<MercatoModule> known, Action<IHostApplicationBuilder, HostedModules>? everyProcess = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(args);
        var json = args.Contains(JsonSwitch, StringComparer.OrdinalIgnoreCase);
        var rows = Table([.. args.Where(a => !string.Equals(a, JsonSwitch, StringComparison.OrdinalIgnoreCase))], known, everyProcess);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, JsonSerializerOptions.Web));
            return;
        }

        foreach (var row in rows)
        {
            await output.WriteLineAsync(row.ToLine());
        }
    }

    /// <summary>
    /// <paramref name="module"/> alone, every module at a URL, and this service's credentials, as a
    /// deployment gives them: none is ever called (the host is not built).
    /// </summary>
    private static Dictionary<string, string?> Placeholders(MercatoModule module, IReadOnlyList<MercatoModule> known)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Mercato:Services"] = module.Name,
            [ServiceClientCredentials.Section + ":ClientId"] = module.Name + ServiceClientNeeds.ClientIdSuffix,
            [ServiceClientCredentials.Section + ":ClientSecret"] = PlaceholderSecret,
            [ServiceClientCredentials.Section + ":TokenEndpoint"] = "http://identity.invalid/api/v1/auth/token",
        };
        foreach (var other in known)
        {
            settings[$"Services:{other.Name}:Url"] = $"http://{other.Name}.invalid/";
        }

        return settings;
    }
}
