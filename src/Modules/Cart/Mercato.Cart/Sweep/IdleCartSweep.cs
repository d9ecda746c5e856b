using Mercato.Cart.Data;
using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Cart.Sweep;

/// <summary>
/// Removes carts nobody has touched for a while (guests' after <see cref="CartOptions.GuestCartIdleFor"/>,
/// users' after <see cref="CartOptions.UserCartIdleFor"/>), every <see cref="CartOptions.SweepInterval"/>
/// on the injected clock. Their lines go with them (the database cascades the delete), in the same
/// statement, so a cart written to meanwhile is either kept whole or removed whole.
/// </summary>
internal sealed partial class IdleCartSweep(IServiceScopeFactory scopes, TimeProvider time, IOptions<CartOptions> options, ILogger<IdleCartSweep> logger)
    : PeriodicJob(time, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.SweepInterval;

    /// <inheritdoc />
    protected override string Name => "Removing idle carts";

    /// <summary>Removes the idle carts once; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CartDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var guestsBefore = now - options.Value.GuestCartIdleFor;
        var usersBefore = now - options.Value.UserCartIdleFor;
        return await db.Carts
            .Where(c => (c.UserId == null && c.UpdatedAt < guestsBefore) || (c.UserId != null && c.UpdatedAt < usersBefore))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await SweepAsync(cancellationToken);
        if (removed > 0)
        {
            LogRemoved(logger, removed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Carts} idle carts")]
    private static partial void LogRemoved(ILogger logger, int carts);
}
