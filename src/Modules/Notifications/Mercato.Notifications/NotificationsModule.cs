using Mercato.Identity.Contracts;
using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Notifications.Api;
using Mercato.Notifications.Data;
using Mercato.Notifications.Events;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Sending;
using Mercato.Notifications.Templates;
using Mercato.Ordering.Client;
using Mercato.Ordering.Contracts;
using Mercato.Payments.Contracts;
using Mercato.Platform.Hosting;
using Mercato.Platform.Idempotency;
using Mercato.Platform.Persistence;
using Mercato.Platform.Security;
using Mercato.Support.Contracts;
using Mercato.Webhooks.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Notifications;

/// <summary>The Notifications module's two entry points.</summary>
public static class NotificationsModule
{
    /// <summary>The module name.</summary>
    public const string Name = "notifications";

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(Name, ["/api/v1/notifications", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddNotifications(), e => e.MapNotifications());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<NotificationsDbContext, NotificationsSqliteDbContext, NotificationsPostgresDbContext>(Name);
        builder.AddMessaging<NotificationsDbContext>(Name);
        builder.AddIdempotency<NotificationsDbContext>();
        builder.AddValidatorsOf<NotificationsDbContext>();
        // The in-process client when Ordering is co-hosted (AddOrdering replaces this), HTTP otherwise:
        // Notifications reads the orders it writes about.
        builder.AddOrderingClient(OrderingScopes.Read);
        builder.Services.AddValidatedOptions<NotificationsOptions>(NotificationsOptions.Section);
        // The file transports write under the data folder (Persistence:DataDirectory).
        builder.Services.AddOptions<PersistenceOptions>().Bind(builder.Configuration.GetSection(PersistenceOptions.Section));
        var services = builder.Services;
        services.AddSingleton<ShopLinks>();
        services.AddScoped<TemplateRenderer>();
        services.AddScoped<NotificationQueue>();
        services.AddScoped<OrderMessages>();
        services.AddScoped<AccountMessages>();
        services.AddScoped<Customers>();
        services.AddHostedService<NotificationDispatcher>();

        var email = builder.Configuration.GetValue(NotificationsOptions.Section + ":Email:Transport", EmailSettings.FileTransport);
        if (email == EmailSettings.SmtpTransport)
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, FileEmailTransport>();
        }

        var sms = builder.Configuration.GetValue(NotificationsOptions.Section + ":Sms:Provider", SmsSettings.FileProvider);
        if (sms == SmsSettings.TwilioProvider)
        {
            services.AddTransient<TwilioApiBaseHandler>();
            services.AddHttpClient(TwilioSmsTransport.HttpClientName)
                .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationsOptions>>().Value.SendTimeout)
                .AddHttpMessageHandler<TwilioApiBaseHandler>();
            services.AddSingleton<ISmsTransport, TwilioSmsTransport>();
        }
        else
        {
            services.AddSingleton<ISmsTransport, FileSmsTransport>();
        }

        builder.AddEventHandler<UserRegistered, UserRegisteredHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<UserProfileChanged, UserProfileChangedHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<PasswordResetRequested, PasswordResetRequestedHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<EmailVerificationRequested, EmailVerificationRequestedHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<PasswordChanged, PasswordChangedHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<OrderPlaced, OrderPlacedHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<OrderPaid, OrderPaidHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<OrderShipped, OrderShippedHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<OrderCancelled, OrderCancelledHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<PaymentFailed, PaymentFailedHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<PaymentRefunded, PaymentRefundedHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<UserRolesChanged, UserRolesChangedHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<SupportMessageCreated, SupportMessageCreatedHandler, NotificationsDbContext>(Name);
        builder.AddEventHandler<WebhookEndpointDisabled, WebhookEndpointDisabledHandler, NotificationsDbContext>(Name);
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Name);
        // Messages are personal: no response is cached anywhere.
        var notifications = endpoints.MapGroup(string.Empty).WithNoStore();
        notifications.MapSendApi();
        notifications.MapTemplatesApi();
        notifications.MapNotificationsApi();
        return endpoints;
    }
}
