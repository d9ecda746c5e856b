using System.Net;

namespace Mercato.CheckoutBench;

/// <summary>What one shopper's loop saw (owned by that loop alone, merged afterwards).</summary>
internal sealed class WorkerResult
{
    /// <summary>Latency of every answered order POST, ms.</summary>
    public List<double> OrderLatenciesMs { get; } = new(4096);

    /// <summary>Latency of every answered payment POST (<c>/payments/process</c>), ms.</summary>
    public List<double> PaymentLatenciesMs { get; } = new(4096);

    /// <summary>Latency of every completed checkout (add to cart, order, and payment when the run pays), ms.</summary>
    public List<double> CheckoutLatenciesMs { get; } = new(4096);

    /// <summary>Order POST answers by status code.</summary>
    public Dictionary<int, long> OrderStatuses { get; } = [];

    /// <summary>Refused order POSTs by status and the envelope's first error code, e.g. <c>409 INSUFFICIENT_STOCK</c>.</summary>
    public Dictionary<string, long> OrderErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Payment POST answers by status code.</summary>
    public Dictionary<int, long> PaymentStatuses { get; } = [];

    /// <summary>Refused payment POSTs by status and error code, e.g. <c>402 PAYMENT_FAILED</c>.</summary>
    public Dictionary<string, long> PaymentErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Payment POSTs answered 200 with the payment <c>succeeded</c>.</summary>
    public long PaymentsSucceeded { get; set; }

    /// <summary>Add-to-cart answers by status code.</summary>
    public Dictionary<int, long> CartStatuses { get; } = [];

    /// <summary>Requests that got no answer.</summary>
    public long TransportFailures { get; set; }

    /// <summary>Counts one order POST answer.</summary>
    public void CountOrder(HttpStatusCode status) => Count(OrderStatuses, status);

    /// <summary>Counts one payment POST answer.</summary>
    public void CountPayment(HttpStatusCode status) => Count(PaymentStatuses, status);

    /// <summary>Counts one add-to-cart answer.</summary>
    public void CountCart(HttpStatusCode status) => Count(CartStatuses, status);

    /// <summary>Counts one refused order POST by its error code.</summary>
    public void CountOrderError(HttpStatusCode status, string code) => CountError(OrderErrors, status, code);

    /// <summary>Counts one refused payment POST by its error code.</summary>
    public void CountPaymentError(HttpStatusCode status, string code) => CountError(PaymentErrors, status, code);

    private static void CountError(Dictionary<string, long> errors, HttpStatusCode status, string code)
        => errors[$"{(int)status} {code}"] = errors.GetValueOrDefault($"{(int)status} {code}") + 1;

    private static void Count(Dictionary<int, long> statuses, HttpStatusCode status)
        => statuses[(int)status] = statuses.GetValueOrDefault((int)status) + 1;
}
