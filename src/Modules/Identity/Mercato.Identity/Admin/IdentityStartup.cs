using Mercato.Identity.Keys;
using Microsoft.Extensions.Hosting;

namespace Mercato.Identity.Admin;

/// <summary>
/// Runs after the migrations and before the server listens: loads (or generates) the signing
/// keys, then makes sure an administrator exists.
/// </summary>
internal sealed class IdentityStartup(KeyRing keys, AdminAccountSeeder admin) : IHostedLifecycleService
{
    /// <inheritdoc />
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await keys.LoadAsync(cancellationToken);
        await admin.SeedAsync(cancellationToken);
    }

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
