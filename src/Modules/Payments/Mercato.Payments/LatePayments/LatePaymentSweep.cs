using Mercato.Payments.Data;
using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Payments.LatePayments;

/// <summary>
/// Resolves, every second, the late payments still pending and due: those found by the
/// <c>OrderCancelled</c> handler (which must not call out inside its transaction), those whose
/// first attempt a crash cut short, and those put off (Ordering unreachable, stock not released yet).
/// </summary>
internal sealed class LatePaymentSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<LatePaymentSweep> logger) : PeriodicJob(time, logger)
{
    private const int BatchSize = 50;

    /// <inheritdoc />
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override string Name => "Late payment resolution";

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken) => await ResolveDueAsync(cancellationToken);

    /// <summary>Resolves every pending late payment that is due; answers how many it tried.</summary>
    public async Task<int> ResolveDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var due = await db.LatePayments.AsNoTracking()
            .Where(l => l.Status == LatePaymentStatus.Pending && l.DueAt <= now)
            .OrderBy(l => l.DueAt).Select(l => l.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var resolver = scope.ServiceProvider.GetRequiredService<LatePaymentResolver>();
        foreach (var id in due)
        {
            await resolver.TryResolveAsync(id, cancellationToken);
        }

        return due.Count;
    }
}
