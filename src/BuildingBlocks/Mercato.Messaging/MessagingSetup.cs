using Mercato.Messaging.Audit;
using Mercato.Messaging.Events;
using Mercato.Messaging.Inbox;
using Mercato.Messaging.Operations;
using Mercato.Messaging.InProcess;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.RabbitMq;
using Mercato.Messaging.Transport;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mercato.Messaging;

/// <summary>How a module joins the event pipeline.</summary>
public static class MessagingSetup
{
    /// <summary>
    /// Makes <typeparamref name="TContext"/> a producer: its outbox rows are published by a
    /// relay in this process, and parked rows show on <c>/health/ready</c>. On the in-process
    /// transport its database also holds the consumers' queues of its events, drained here by a
    /// <see cref="ConsumerQueueWorker{TContext}"/> (parked copies show on <c>/health/ready</c> too).
    /// Unless <paramref name="audited"/> is false (the Logs module, which keeps the trail), its
    /// saves are audited by an <see cref="AuditInterceptor{TContext}"/> (see <see cref="AuditTrail"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(this IHostApplicationBuilder builder, string module, bool audited = true)
        where TContext : DbContext
    {
        AddCore(builder);
        if (audited)
        {
            // Before the outbox signal's interceptor, which then sees the audit event's outbox row.
            builder.Services.AddHttpContextAccessor();
            builder.Services.TryAddSingleton(sp => new AuditInterceptor<TContext>(sp.GetRequiredService<IHttpContextAccessor>(), sp.GetRequiredService<TimeProvider>(), module));
            builder.Services.ConfigureDbContext<TContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<AuditInterceptor<TContext>>()), ServiceLifetime.Singleton);
        }

        builder.Services.TryAddSingleton<OutboxSignal<TContext>>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor<TContext>>();
        builder.Services.ConfigureDbContext<TContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor<TContext>>()), ServiceLifetime.Singleton);
        if (builder.Configuration.GetValue($"{MessagingOptions.Section}:Relay:Enabled", true))
        {
            builder.Services.AddSingleton<OutboxRelay<TContext>>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TContext>>());
        }

        // The operations endpoints (MapMessagingOperations) find a module's parked rows by its name.
        builder.Services.TryAddKeyedScoped<ParkedOutbox>(module, (sp, _) => new ParkedOutbox<TContext>(
            sp.GetRequiredService<TContext>(), sp.GetRequiredService<OutboxSignal<TContext>>(), sp.GetRequiredService<TimeProvider>(), module));
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck<TContext>>($"outbox-{module}", tags: MessagingHealth.Tags);
        if (TransportOf(builder.Configuration) == MessagingTransports.InProcess)
        {
            builder.Services.AddHostedService<ConsumerQueueWorker<TContext>>();
            builder.Services.AddHealthChecks().AddCheck<ConsumerQueueHealthCheck<TContext>>($"consumer-queue-{module}", tags: MessagingHealth.Tags);
        }

        return builder;
    }

    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> (in <paramref name="module"/>) to
    /// <typeparamref name="TEvent"/>; its inbox lives in <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddEventHandler<TEvent, THandler, TContext>(this IHostApplicationBuilder builder, string module)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
        where TContext : DbContext
    {
        AddCore(builder);
        builder.Services.TryAddScoped<THandler>();
        builder.Services.AddSingleton(new EventSubscription(
            module, IntegrationEvent.NameOf(typeof(TEvent)), typeof(TEvent), typeof(THandler), typeof(TContext)));
        return builder;
    }

    private static void AddCore(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ConsumerQueueSignal)))
        {
            return;
        }

        services.AddValidatedOptions<MessagingOptions>(MessagingOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConsumerQueueSignal>();
        services.AddSingleton<InboxDispatcher>();
        services.AddSingleton<EventSubscriptions>();

        // The transport decides what is registered, so the settings are checked now.
        if (TransportOf(builder.Configuration) == MessagingTransports.RabbitMq)
        {
            builder.AddRabbitMqTransport();
        }
        else
        {
            services.AddSingleton<IMessageTransport, InProcessTransport>();
        }
    }

    private static string TransportOf(IConfiguration configuration) =>
        configuration.ReadValidated<MessagingOptions>(MessagingOptions.Section).TransportName;
}
