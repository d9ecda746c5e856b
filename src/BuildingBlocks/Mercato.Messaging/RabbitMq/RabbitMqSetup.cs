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
    /// and reports the broker on <c>/health/ready</c>. Settings come from <c>Messaging:RabbitMq</c>.
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMqTransport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MessagingOptions>()
            .Validate(o => System.Uri.TryCreate(o.RabbitMq.Uri, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps",
                "Messaging:RabbitMq:Uri must be an amqp:// or amqps:// URI.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.RabbitMq.Exchange), "Messaging:RabbitMq:Exchange must be set.")
            .Validate(o => o.RabbitMq.MaxDeliveries >= 1, "Messaging:RabbitMq:MaxDeliveries must be at least 1.")
            .Validate(o => o.RabbitMq.Prefetch >= 1, "Messaging:RabbitMq:Prefetch must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<RabbitMqBroker>();
        services.AddSingleton<RabbitMqTransport>();
        services.AddSingleton<IMessageTransport>(sp => sp.GetRequiredService<RabbitMqTransport>());
        services.AddSingleton<RabbitMqConsumerService>();
        services.AddHostedService(sp => sp.GetRequiredService<RabbitMqConsumerService>());
        services.AddHealthChecks().AddCheck<RabbitMqHealthCheck>(
            "rabbitmq", HealthStatus.Degraded, MessagingHealth.Tags, TimeSpan.FromSeconds(5));
        return builder;
    }
}
