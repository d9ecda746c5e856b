using Mercato.Payments.Data;
using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Payments.Refunds;

/// <summary>
/// Sends, every second, the refunds recorded as requested by code that could not wait on a
/// gateway (an event handler inside its transaction). Each is sent with its own idempotency key,
/// so two replicas sending the same one refund once.
/// </summary>
internal sealed class RefundDispatcher(IServiceScopeFactory scopes, TimeProvider time, ILogger<RefundDispatcher> logger) : PeriodicJob(time, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override string Name => "Refund dispatch";

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var requested = await db.Refunds.AsNoTracking().Where(r => r.Status == RefundStatus.Requested)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(50).ToListAsync(cancellationToken);
        var refunding = scope.ServiceProvider.GetRequiredService<Refunding>();
        foreach (var id in requested)
        {
            await refunding.SendAsync(id, cancellationToken);
        }
    }
}
