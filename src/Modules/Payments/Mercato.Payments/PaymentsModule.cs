using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Ordering.Client;
using Mercato.Ordering.Contracts;
using Mercato.Payments.Capture;
using Mercato.Payments.Checkout;
using Mercato.Payments.Completion;
using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Payments.Gateways.Sandbox;
using Mercato.Payments.Gateways.Stripe;
using Mercato.Payments.LatePayments;
using Mercato.Payments.Methods;
using Mercato.Payments.Orders;
using Mercato.Payments.Payments;
using Mercato.Payments.Process;
using Mercato.Payments.Reconciliation;
using Mercato.Payments.Refunds;
using Mercato.Payments.Webhooks;
using Mercato.Platform.Hosting;
using Mercato.Platform.Idempotency;
using Mercato.Platform.Persistence;
using Mercato.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Payments;

/// <summary>The Payments module's two entry points.</summary>
public static class PaymentsModule
{
    /// <summary>The module name.</summary>
    public const string Name = "payments";

    /// <summary>The module as the host sees it: the API, and the sandbox gateway's own pages.</summary>
    public static MercatoModule Descriptor { get; } = new(Name, ["/api/v1/payments", PaymentUrls.SandboxPrefix, MessagingOperationsApi.RoutePrefix(Name)], b => b.AddPayments(), e => e.MapPayments());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<PaymentsDbContext, PaymentsSqliteDbContext, PaymentsPostgresDbContext>(Name);
        builder.AddMessaging<PaymentsDbContext>(Name);
        builder.AddIdempotency<PaymentsDbContext>();
        builder.AddValidatorsOf<PaymentsDbContext>();
        // The in-process client when Ordering is co-hosted (AddOrdering replaces this), HTTP otherwise:
        // Payments reads the orders it charges and revives a late-paid one.
        builder.AddOrderingClient(OrderingScopes.Read, OrderingScopes.Payments);
        builder.Services.AddValidatedOptions<PaymentsOptions>(PaymentsOptions.Section);
        var services = builder.Services;
        services.AddSingleton<PaymentUrls>();
        services.AddScoped<PayableOrders>();
        services.AddScoped<CheckoutSessions>();
        services.AddScoped<PaymentCompletion>();
        services.AddScoped<Refunding>();
        services.AddScoped<Capturing>();
        services.AddHostedService<RefundDispatcher>();
        services.AddScoped<LatePaymentResolver>();
        services.AddSingleton<LatePaymentSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<LatePaymentSweep>());
        services.AddScoped<PaymentGateways>();

        if (builder.Configuration.GetValue(PaymentsOptions.Section + ":Sandbox:Enabled", true))
        {
            services.AddSingleton<SandboxPsp>();
            services.AddScoped<IPaymentGateway, SandboxGateway>();
            services.AddHttpClient(SandboxWebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
            services.AddHostedService<SandboxWebhookSender>();
        }

        if (builder.Configuration.GetValue(PaymentsOptions.Section + ":Stripe:Enabled", false))
        {
            services.AddHttpClient(StripeApi.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(80));
            services.AddScoped<StripeApi>();
            services.AddScoped<StripeCustomers>();
            services.AddScoped<IPaymentGateway, StripeGateway>();
        }

        services.AddSingleton<PaymentReconciliation>();
        services.AddHostedService(sp => sp.GetRequiredService<PaymentReconciliation>());
        builder.AddEventHandler<OrderCancelled, OrderCancelledHandler, PaymentsDbContext>(Name);
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Name);
        // Payments are personal: no response is cached anywhere.
        var payments = endpoints.MapGroup(string.Empty).WithNoStore();
        payments.MapCheckoutSessionsApi();
        payments.MapProcessPaymentApi();
        payments.MapPaymentMethodsApi();
        payments.MapRefundsApi();
        payments.MapCaptureApi();
        payments.MapGatewayWebhookApi();
        payments.MapPaymentsApi();
        endpoints.MapSandboxPages();
        return endpoints;
    }
}
