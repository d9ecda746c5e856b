using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mercato.Messaging.Outbox;

/// <summary>Reports parked outbox rows (Degraded) so operators see events that could not be published.</summary>
/// <typeparam name="TContext">The producing module's DbContext.</typeparam>
internal sealed class OutboxHealthCheck<TContext>(IServiceScopeFactory scopes) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var outbox = db.Set<OutboxMessage>();
        var parked = await outbox.CountAsync(m => m.ParkedAt != null, cancellationToken);
        var pending = await outbox.CountAsync(m => m.ProcessedAt == null && m.ParkedAt == null, cancellationToken);
        var data = new Dictionary<string, object> { ["parked"] = parked, ["pending"] = pending };
        return parked > 0
            ? HealthCheckResult.Degraded($"{parked} parked, {pending} pending", data: data)
            : HealthCheckResult.Healthy($"{pending} pending", data);
    }
}

/// <summary>Tags used by messaging health checks.</summary>
internal static class MessagingHealth
{
    public static readonly string[] Tags = [HealthTags.Ready];
}
