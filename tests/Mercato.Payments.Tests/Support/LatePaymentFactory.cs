namespace Mercato.Payments.Tests.Support;

/// <summary>
/// A Payments host whose orders expire after 5 minutes, under a given <c>Payments:LatePayment</c>
/// policy. The sandbox's webhooks and reconciliation wait far longer than the tests move the clock,
/// so a capture reaches Mercato only when the test follows the browser's return (or writes it).
/// Tokens are issued on the fake clock and checked on the real one: a day's clock skew keeps the
/// tokens issued after the clock moved valid, so the tests of a class can share the host.
/// </summary>
public abstract class LatePaymentFactory : PaymentsFactory
{
    /// <summary>How long an order may stay unpaid here.</summary>
    public static readonly TimeSpan PaymentWindow = TimeSpan.FromMinutes(5);

    /// <summary>Creates the host.</summary>
    protected LatePaymentFactory(bool postgres, string policy)
        : base(postgres)
    {
        Settings["Payments:LatePayment"] = policy;
        Settings["Ordering:PaymentWindow"] = PaymentWindow.ToString();
        Settings["Payments:Sandbox:WebhookDelay"] = "01:00:00";
        Settings["Payments:ReconciliationInterval"] = "1.00:00:00";
        Settings["Auth:ClockSkew"] = "1.00:00:00";
    }
}

/// <summary>Policy <c>refund</c> on SQLite.</summary>
public sealed class SqliteRefundLatePaymentFactory() : LatePaymentFactory(postgres: false, "refund");

/// <summary>Policy <c>refund</c> on PostgreSQL.</summary>
public sealed class PostgresRefundLatePaymentFactory() : LatePaymentFactory(postgres: true, "refund");

/// <summary>Policy <c>revive</c> on SQLite.</summary>
public sealed class SqliteReviveLatePaymentFactory() : LatePaymentFactory(postgres: false, "revive");

/// <summary>Policy <c>revive</c> on PostgreSQL.</summary>
public sealed class PostgresReviveLatePaymentFactory() : LatePaymentFactory(postgres: true, "revive");
