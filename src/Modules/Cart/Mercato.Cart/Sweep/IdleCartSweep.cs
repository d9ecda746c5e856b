using Mercato.Cart.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Cart.Sweep;

/// <summary>
/// Removes carts nobody has touched for a while (guests' after <see cref="CartOptions.GuestCartIdleFor"/>,
/// users' after <see cref="CartOptions.UserCartIdleFor"/>), every <see cref="CartOptions.SweepInterval"/>
/// on the injected clock. Their lines go with them (the database cascades the delete), in the same
/// statement, so a cart written to meanwhile is either kept whole or removed whole.
/// </summary>
public sealed partial class IdleCartSweep(IServiceScopeFactory scopes, TimeProvider time, IOptions<CartOptions> options, ILogger<IdleCartSweep> logger)
    : BackgroundService
{
    /// <summary>Removes the idle carts once; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CartDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var guestsBefore = now - options.Value.GuestCartIdleFor;
        var usersBefore = now - options.Value.UserCartIdleFor;
        var idle = db.Carts.Where(c => (c.UserId == null && c.UpdatedAt < guestsBefore) || (c.UserId != null && c.UpdatedAt < usersBefore));
        return await idle.ExecuteDeleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await SweepAsync(stoppingToken);
                if (removed > 0)
                {
                    LogRemoved(logger, removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Carts} idle carts")]
    private static partial void LogRemoved(ILogger logger, int carts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Removing idle carts failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
