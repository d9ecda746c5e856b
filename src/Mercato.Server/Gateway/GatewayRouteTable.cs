using Mercato.Platform.Hosting;
using Yarp.ReverseProxy.Configuration;

namespace Mercato.Server.Gateway;

/// <summary>
/// What the gateway routes where: every module not hosted in this process (by its
/// <see cref="MercatoModule.RoutePrefixes"/>) plus the routes in <c>Gateway:Routes</c>, each sent to
/// <c>Services:&lt;Name&gt;:Url</c>. Built once at start; invalid configuration stops the start.
/// </summary>
internal sealed class GatewayRouteTable
{
    private GatewayRouteTable(IReadOnlyList<GatewayRoute> routes) => Routes = routes;

    /// <summary>The routed services, in declaration order.</summary>
    public IReadOnlyList<GatewayRoute> Routes { get; }

    /// <summary>Builds and validates the table.</summary>
    /// <param name="modules">The modules the gateway may route to (those not hosted in this process).</param>
    /// <param name="configuration">The application configuration.</param>
    /// <exception cref="InvalidConfigurationException">A name, prefix or URL is malformed, or two services claim one prefix.</exception>
    public static GatewayRouteTable Build(IEnumerable<MercatoModule> modules, IConfiguration configuration)
    {
        var options = configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var prefixesByService = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in modules)
        {
            prefixesByService[module.Name] = [.. module.RoutePrefixes.Select(p => NormalizePrefix(module.Name, p, allowRoot: true))];
        }

        foreach (var (service, route) in options.Routes)
        {
            if (!IsValidName(service))
            {
                throw new InvalidConfigurationException(
                    $"Gateway:Routes:{service}: a service name may contain only letters, digits, '-' and '_'.");
            }

            if (route.Prefixes.Length == 0)
            {
                throw new InvalidConfigurationException(
                    $"Gateway:Routes:{service} has no Prefixes; set Gateway:Routes:{service}:Prefixes:0=/api/v1/<path>.");
            }

            if (!prefixesByService.TryGetValue(service, out var prefixes))
            {
                prefixes = [];
                prefixesByService[service] = prefixes;
            }

            prefixes.AddRange(route.Prefixes.Select(p => NormalizePrefix(service, p)).Where(p => !prefixes.Contains(p, StringComparer.OrdinalIgnoreCase)));
        }

        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var routes = new List<GatewayRoute>();
        foreach (var (service, prefixes) in prefixesByService)
        {
            foreach (var prefix in prefixes)
            {
                if (!owners.TryAdd(prefix, service))
                {
                    throw new InvalidConfigurationException(
                        $"The path prefix '{prefix}' is claimed by both '{owners[prefix]}' and '{service}'; give each prefix to one service.");
                }
            }

            routes.Add(new GatewayRoute(service, prefixes, ReadUrl(configuration, service)));
        }

        return new GatewayRouteTable(routes);
    }

    /// <summary>YARP routes (each prefix and the service's OpenAPI document) and one cluster per service.</summary>
    public (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) ToProxyConfig()
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var route in Routes)
        {
            // A service without a URL gets a cluster with no destination: its paths answer 503.
            clusters.Add(new ClusterConfig
            {
                ClusterId = route.Service,
                Destinations = route.Url is null
                    ? new Dictionary<string, DestinationConfig>()
                    : new Dictionary<string, DestinationConfig> { [route.Service] = new() { Address = route.Url.AbsoluteUri } },
            });
            // The site's root ("/", the storefront's home page) is matched exactly; any other prefix with what follows it.
            routes.AddRange(route.Prefixes.Select(prefix => Route($"{route.Service}:{prefix}", route.Service, prefix == "/" ? "/" : prefix + "/{**rest}")));
            routes.Add(Route($"{route.Service}:openapi", route.Service, $"/openapi/{route.Service}.json"));
        }

        return (routes, clusters);
    }

    private static RouteConfig Route(string id, string clusterId, string path) => new()
    {
        RouteId = id,
        ClusterId = clusterId,
        Match = new RouteMatch { Path = path },
    };

    /// <summary>A prefix without its trailing slash; only a module (the storefront) may own the site's root.</summary>
    private static string NormalizePrefix(string service, string prefix, bool allowRoot = false)
    {
        if (allowRoot && prefix.Trim() == "/")
        {
            return "/";
        }

        var trimmed = prefix.Trim().TrimEnd('/');
        var segments = trimmed.Split('/');
        var valid = trimmed.StartsWith('/')
            && segments.Length > 1
            && segments.Skip(1).All(s => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~'));
        return valid
            ? trimmed
            : throw new InvalidConfigurationException(
                $"'{prefix}' is not a valid path prefix for service '{service}'; use an absolute path of plain segments such as /api/v1/things.");
    }

    private static Uri? ReadUrl(IConfiguration configuration, string service)
    {
        var key = $"Services:{service}:Url";
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(url.Query)
                ? url
                : throw new InvalidConfigurationException($"{key} '{value}' is not an absolute http:// or https:// URL.");
    }

    private static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
