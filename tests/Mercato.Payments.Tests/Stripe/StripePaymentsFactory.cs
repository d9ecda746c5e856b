using Mercato.Payments.Tests.Support;

namespace Mercato.Payments.Tests.Stripe;

/// <summary>
/// The payments host with both gateways enabled, the sandbox (still the default) and Stripe,
/// whose API is a <see cref="FakeStripe"/> on a loopback port; requests pick Stripe by name.
/// </summary>
public class StripePaymentsFactory : PaymentsFactory
{
    /// <summary>Creates a host on SQLite.</summary>
    public StripePaymentsFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or PostgreSQL.</summary>
    protected StripePaymentsFactory(bool postgres)
        : base(postgres)
    {
        Stripe = FakeStripe.StartAsync(Clock).GetAwaiter().GetResult();
        Settings["Payments:Stripe:Enabled"] = "true";
        Settings["Payments:Stripe:SecretKey"] = FakeStripe.SecretKey;
        Settings["Payments:Stripe:WebhookSecret"] = FakeStripe.WebhookSecret;
        Settings["Payments:Stripe:ApiBase"] = Stripe.Url;
    }

    /// <summary>The fake Stripe this host talks to.</summary>
    public FakeStripe Stripe { get; }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same host on PostgreSQL.</summary>
public sealed class PostgresStripePaymentsFactory() : StripePaymentsFactory(postgres: true);
