using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Hosting;

/// <summary>
/// Logs where the server listens, where the docs are and which modules run; and, on SIGTERM or
/// Ctrl+C, how long in-flight requests may still drain.
/// </summary>
internal sealed partial class StartupBanner(
    IServer server,
    HostedModules modules,
    IHostApplicationLifetime lifetime,
    IOptions<HostOptions> hostOptions,
    ILogger<StartupBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var names = modules.Hosted.Count == 0 ? "(none)" : string.Join(", ", modules.Hosted.Select(m => m.Name));
            foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                var docs = address.TrimEnd('/') + "/api/docs";
                LogListening(logger, address, docs, names);
            }
        });
        lifetime.ApplicationStopping.Register(() => LogStopping(logger, hostOptions.Value.ShutdownTimeout.TotalSeconds));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Mercato listening on {Url} (API docs: {DocsUrl}); modules: {Modules}")]
    private static partial void LogListening(ILogger logger, string url, string docsUrl, string modules);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Mercato stopping: no new connections; in-flight requests may finish within {ShutdownTimeoutSeconds} s")]
    private static partial void LogStopping(ILogger logger, double shutdownTimeoutSeconds);
}
