using Mercato.Platform.Hosting;
using Mercato.Platform.OpenApi;
using Mercato.Platform.RateLimiting;

namespace Mercato.Server.Gateway;

/// <summary>
/// <c>--services gateway</c>: a YARP reverse proxy exposing the single public <c>/api/v1</c>. Each
/// module's path prefixes (and any <c>Gateway:Routes</c>) route to the URL configured as
/// <c>Services:&lt;Name&gt;:Url</c>; request and response headers (Authorization,
/// X-Correlation-Id), bodies and status codes pass through untouched. The gateway needs no
/// database and applies no rate limiting of its own.
/// </summary>
internal static class GatewayModule
{
    /// <summary>The gateway as the host sees it, able to route to <paramref name="routable"/>.</summary>
    public static MercatoModule Create(IReadOnlyList<MercatoModule> routable) =>
        new(HostedModules.GatewayName, [], builder => Add(builder, routable), endpoints => Map(endpoints));

    private static void Add(IHostApplicationBuilder builder, IReadOnlyList<MercatoModule> routable)
    {
        // The services behind the gateway limit (sharing Redis); limiting here too would count twice.
        builder.DisableRateLimitingUnlessConfigured();

        // Modules hosted in this same process answer directly; the gateway fronts the others.
        var hosted = builder.Services
            .Select(d => d.IsKeyedService ? null : d.ImplementationInstance)
            .OfType<HostedModules>()
            .FirstOrDefault();
        var remote = routable.Where(m => hosted is null || !hosted.IsHosted(m.Name));
        var table = GatewayRouteTable.Build(remote, builder.Configuration);
        var (routes, clusters) = table.ToProxyConfig();

        builder.Services.AddSingleton(table);
        builder.Services.AddHostedService<GatewayRouteLog>();
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);

        // /api/docs on the gateway offers the merged document of every routed service first, then
        // each routed service's own document, fetched through the proxy.
        builder.Services.AddSingleton<GatewayApiDocument>();
        builder.Services.AddHttpClient(GatewayApiDocument.HttpClientName);
        builder.Services.AddApiReferenceDocument(new ApiDocumentLink(OpenApiSetup.AllDocument, "All services"));
        foreach (var route in table.Routes.Where(r => r.Url is not null))
        {
            builder.Services.AddApiReferenceDocument(ApiDocumentLink.ForModule(route.Service));
        }
    }

    private static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(
                OpenApiSetup.DocumentRoute.Replace("{documentName}", OpenApiSetup.AllDocument, StringComparison.Ordinal),
                (GatewayApiDocument document, CancellationToken cancellationToken) => document.GetAsync(cancellationToken))
            .ExcludeFromDescription()
            .AllowAnonymous()
            .CacheableRead();
        endpoints.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<GatewayErrorMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
    }
}
