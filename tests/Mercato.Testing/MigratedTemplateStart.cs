using Mercato.Platform.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Testing;

/// <summary>
/// Gives a test host's module databases their migrated copies (<see cref="MigratedTemplates"/>)
/// as the host starts: registered first, its <see cref="StartingAsync"/> runs before the
/// platform's migrator's. A host that does not migrate at its start
/// (<c>Persistence:MigrateOnStart=false</c>) gets nothing.
/// </summary>
/// <param name="services">The host's services.</param>
internal sealed class MigratedTemplateStart(IServiceProvider services) : IHostedLifecycleService
{
    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken)
        => (services.GetRequiredService<IConfiguration>().GetSection(PersistenceOptions.Section).Get<PersistenceOptions>() ?? new PersistenceOptions()).MigrateOnStart
            ? MigratedTemplates.PrepareAsync(services)
            : Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
