namespace Mercato.Server.Gateway;

/// <summary>Logs the route table at start, and warns about services with no URL configured.</summary>
internal sealed partial class GatewayRouteLog(GatewayRouteTable table, ILogger<GatewayRouteLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var route in table.Routes)
        {
            var prefixes = string.Join(", ", route.Prefixes);
            if (route.Url is null)
            {
                LogNoUrl(logger, route.Service, prefixes);
            }
            else
            {
                LogRoute(logger, prefixes, route.Service, route.Url);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "Gateway routes {Prefixes} to {Service} at {Url}")]
    private static partial void LogRoute(ILogger logger, string prefixes, string service, Uri url);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Warning, Message = "Gateway has no Services:{Service}:Url; requests to {Prefixes} answer 503 until it is configured")]
    private static partial void LogNoUrl(ILogger logger, string service, string prefixes);
}
