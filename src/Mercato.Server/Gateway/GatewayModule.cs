using Mercato.Platform.Hosting;
using Mercato.Platform.OpenApi;
using Mercato.Platform.RateLimiting;
using Yarp.ReverseProxy.Configuration;

namespace Mercato.Server.Gateway;

/// <summary>
/// <c>--services gateway</c>: a YARP reverse proxy exposing the single public <c>/api/v1</c>. Each
/// module's path prefixes route to the URL configured as <c>Services:&lt;Name&gt;:Url</c>;
/// headers (including X-Correlation-Id), bodies and status codes pass through untouched.
/// </summary>
internal static class GatewayModule
{
    public static MercatoModule Create(IReadOnlyList<MercatoModule> routable) =>
        new(HostedModules.GatewayName, [], builder => Add(builder, routable), endpoints => endpoints.MapReverseProxy());

    private static void Add(IHostApplicationBuilder builder, IReadOnlyList<MercatoModule> routable)
    {
        // The services behind the gateway limit (sharing Redis); limiting here too would count twice.
        builder.DisableRateLimitingUnlessConfigured();
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var module in routable)
        {
            var url = builder.Configuration[$"Services:{module.Name}:Url"];
            if (string.IsNullOrWhiteSpace(url))
            {
                continue;
            }

            var clusterId = module.Name;
            clusters.Add(new ClusterConfig
            {
                ClusterId = clusterId,
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    [module.Name] = new() { Address = url },
                },
            });
            foreach (var prefix in module.RoutePrefixes)
            {
                routes.Add(Route($"{module.Name}{prefix}", clusterId, prefix.TrimEnd('/') + "/{**rest}"));
            }

            routes.Add(Route($"{module.Name}-openapi", clusterId, $"/openapi/{module.Name}.json"));
            builder.Services.AddApiReferenceDocument(ApiDocumentLink.ForModule(module.Name));
        }

        builder.Services.AddSingleton(new GatewayRoutes(routes.Select(r => r.ClusterId!).Distinct().ToList()));
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
    }

    private static RouteConfig Route(string id, string clusterId, string path) => new()
    {
        RouteId = id,
        ClusterId = clusterId,
        Match = new RouteMatch { Path = path },
    };
}

/// <summary>The modules this gateway routes to.</summary>
/// <param name="Modules">Their names.</param>
internal sealed record GatewayRoutes(IReadOnlyList<string> Modules);
