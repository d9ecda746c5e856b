using System.Net;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Payments.Tests.Checkout;

/// <summary>
/// A checkout session that outlives its 30 minutes cannot be paid, and reconciliation records its
/// payment as cancelled. (A fixture of its own: the clock jumps past the tokens' lifetime.)
/// </summary>
public abstract class SessionExpiryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PaymentsFactory
{
    [Fact]
    public async Task An_expired_session_cannot_be_paid_and_its_payment_ends_cancelled()
    {
        var client = factory.CreateClient();
        var browser = factory.Browser();
        var order = await client.CustomerOrderAsync();
        var session = await client.SessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        Assert.True(session.GetProperty("expiresAt").GetDateTime() <= factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(30).AddSeconds(1));

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        using var late = await browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4242424242424242");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await factory.Services.GetRequiredService<Mercato.Payments.Reconciliation.PaymentReconciliation>().ReconcileAsync(CancellationToken.None);
        var status = await factory.WithDbAsync(db => Task.FromResult(db.Payments.Single(p => p.Id == paymentId).Status));
        Assert.Equal(Ledger.PaymentStatus.Cancelled, status);
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSessionExpiryTests(PaymentsFactory factory) : SessionExpiryTests<PaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSessionExpiryTests(PostgresPaymentsFactory factory) : SessionExpiryTests<PostgresPaymentsFactory>(factory);
