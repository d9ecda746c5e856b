using Mercato.Payments.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Payments.Refunds;

/// <summary>
/// Sends refunds recorded as requested by code that could not wait on a gateway (an event
/// handler inside its transaction): woken by <see cref="RefundSignal"/>, and every second in any
/// case, so a signal that came before the recording transaction committed is not lost. Each is
/// sent with its own idempotency key, so two replicas sending the same one refund once.
/// </summary>
internal sealed partial class RefundDispatcher(IServiceScopeFactory scopes, RefundSignal signal, ILogger<RefundDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Poll, stoppingToken);
                await SendRequestedAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
            }
        }
    }

    private async Task SendRequestedAsync(CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending requested refunds failed; trying again shortly")]
    private partial void LogFailed(Exception exception);
}
