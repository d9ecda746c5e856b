using Mercato.Messaging.Operations;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Mercato.Messaging.RabbitMq;

/// <summary>Registers the RabbitMQ transport (<c>Messaging:Transport=rabbitmq</c>).</summary>
public static class RabbitMqSetup
{
    /// <summary>
    /// Publishes through RabbitMQ with publisher confirms, consumes every hosted module's queue,
    /// and reports the broker on <c>/health/ready</c>. Settings come from <c>Messaging:RabbitMq</c>
    /// (checked with <see cref="MessagingOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMqTransport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<RabbitMqBroker>();
        services.AddSingleton<RabbitMqTransport>();
        services.AddSingleton<IMessageTransport>(sp => sp.GetRequiredService<RabbitMqTransport>());
        services.AddSingleton<IDeadLetterQueues, RabbitMqDeadLetters>();
        services.AddSingleton<RabbitMqConsumerService>();
        services.AddHostedService(sp => sp.GetRequiredService<RabbitMqConsumerService>());
        services.AddHealthChecks().AddCheck<RabbitMqHealthCheck>(
            "rabbitmq", HealthStatus.Degraded, MessagingHealth.Tags, TimeSpan.FromSeconds(5));
        return builder;
    }
}
