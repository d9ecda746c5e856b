using Mercato.Platform.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;

namespace Mercato.Platform.Hosting;

/// <summary>Applies migrations before anything else starts (and before the server listens).</summary>
internal sealed class MigrationHostedService(DatabaseMigrator migrator, IConfiguration configuration)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(PersistenceOptions.Section).Get<PersistenceOptions>() ?? new PersistenceOptions();
        return options.MigrateOnStart ? migrator.MigrateAsync(cancellationToken) : Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
