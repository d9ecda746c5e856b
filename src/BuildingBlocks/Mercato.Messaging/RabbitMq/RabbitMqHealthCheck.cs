using Mercato.Messaging.Transport;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mercato.Messaging.RabbitMq;

/// <summary>
/// Reports whether the broker answers and this process consumes its queues. It is registered
/// with <see cref="HealthStatus.Degraded"/> as its failure status: while the broker is down the
/// process still serves its API and its outbox keeps every event until the broker is back, so
/// taking it out of rotation would turn a messaging delay into an outage.
/// </summary>
internal sealed class RabbitMqHealthCheck(RabbitMqBroker broker, RabbitMqConsumerService consumers) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await broker.Publishing.GetOpenAsync(cancellationToken);
        }
        catch (TransportUnavailableException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message);
        }

        if (consumers.HasSubscriptions && !consumers.IsConsuming)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Connected, but not consuming yet");
        }

        var queues = string.Join(", ", consumers.Queues);
        return HealthCheckResult.Healthy(queues.Length > 0 ? $"Connected; consuming {queues}" : "Connected");
    }
}
