using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Platform.Hosting;

/// <summary>Logs where the server listens, where the docs are and which modules run.</summary>
internal sealed partial class StartupBanner(IServer server, HostedModules modules, IHostApplicationLifetime lifetime, ILogger<StartupBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var names = string.Join(", ", modules.Hosted.Select(m => m.Name));
            foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                var docs = address.TrimEnd('/') + "/api/docs";
                LogListening(logger, address, docs, names);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Mercato listening on {Url} (API docs: {DocsUrl}); modules: {Modules}")]
    private static partial void LogListening(ILogger logger, string url, string docsUrl, string modules);
}
