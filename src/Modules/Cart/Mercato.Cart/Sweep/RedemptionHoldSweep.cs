using Mercato.Cart.Coupons;
using Mercato.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Cart.Sweep;

/// <summary>
/// Gives back coupon uses that no placed order confirmed within <see cref="CartOptions.RedemptionHold"/>
/// (Ordering counted the use, then never wrote the order: a crash, or an undo that could not reach
/// the Cart), every <see cref="CartOptions.RedemptionSweepInterval"/> on the injected clock.
/// </summary>
internal sealed partial class RedemptionHoldSweep(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<CartOptions> options, ILogger<RedemptionHoldSweep> logger) : PeriodicJob(time, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.RedemptionSweepInterval;

    /// <inheritdoc />
    protected override string Name => "Releasing unconfirmed coupon uses";

    /// <summary>Gives back the unconfirmed uses past their hold once; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CouponRedemptions>()
            .ReleaseUnconfirmedAsync(options.Value.RedemptionHold, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var released = await SweepAsync(cancellationToken);
        if (released > 0)
        {
            LogReleased(logger, released);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave back {Uses} coupon uses whose orders were never placed")]
    private static partial void LogReleased(ILogger logger, int uses);
}
