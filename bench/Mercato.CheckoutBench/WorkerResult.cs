using System.Net;

namespace Mercato.CheckoutBench;

/// <summary>What one shopper's loop saw (owned by that loop alone, merged afterwards).</summary>
internal sealed class WorkerResult
{
    /// <summary>Latency of every answered order POST, ms.</summary>
    public List<double> OrderLatenciesMs { get; } = new(4096);

    /// <summary>Order POST answers by status code.</summary>
    public Dictionary<int, long> OrderStatuses { get; } = [];

    /// <summary>Refused order POSTs by status and the envelope's first error code, e.g. <c>409 INSUFFICIENT_STOCK</c>.</summary>
    public Dictionary<string, long> OrderErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Add-to-cart answers by status code.</summary>
    public Dictionary<int, long> CartStatuses { get; } = [];

    /// <summary>Requests that got no answer.</summary>
    public long TransportFailures { get; set; }

    /// <summary>Counts one order POST answer.</summary>
    public void CountOrder(HttpStatusCode status) => Count(OrderStatuses, status);

    /// <summary>Counts one add-to-cart answer.</summary>
    public void CountCart(HttpStatusCode status) => Count(CartStatuses, status);

    /// <summary>Counts one refused order POST by its error code.</summary>
    public void CountOrderError(HttpStatusCode status, string code)
        => OrderErrors[$"{(int)status} {code}"] = OrderErrors.GetValueOrDefault($"{(int)status} {code}") + 1;

    private static void Count(Dictionary<int, long> statuses, HttpStatusCode status)
        => statuses[(int)status] = statuses.GetValueOrDefault((int)status) + 1;
}
