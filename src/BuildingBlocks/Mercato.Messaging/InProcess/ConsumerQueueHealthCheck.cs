using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mercato.Messaging.InProcess;

/// <summary>
/// Reports the embedded consumer copies of one producer's events: Degraded while any is parked,
/// naming the consumers, so operators see events a consumer could not apply.
/// </summary>
/// <typeparam name="TContext">The producing module's DbContext, which holds the queue.</typeparam>
internal sealed class ConsumerQueueHealthCheck<TContext>(IServiceScopeFactory scopes) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<TContext>().Set<ConsumerQueueMessage>();
        var parkedBy = await queue.Where(m => m.ParkedAt != null)
            .GroupBy(m => m.Consumer).Select(g => new { Consumer = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var pending = await queue.CountAsync(m => m.ParkedAt == null, cancellationToken);
        var parked = parkedBy.Sum(p => p.Count);
        var data = new Dictionary<string, object> { ["parked"] = parked, ["pending"] = pending };
        foreach (var consumer in parkedBy)
        {
            data[$"parked:{consumer.Consumer}"] = consumer.Count;
        }

        return parked > 0
            ? HealthCheckResult.Degraded(
                $"{parked} parked ({string.Join(", ", parkedBy.Select(p => $"{p.Consumer}: {p.Count}"))}), {pending} pending", data: data)
            : HealthCheckResult.Healthy($"{pending} pending", data);
    }
}
