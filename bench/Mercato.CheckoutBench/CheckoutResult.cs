using System.Globalization;
using System.Text;
using Mercato.LoadDriver;

namespace Mercato.CheckoutBench;

/// <summary>What a checkout run measured, and the stock and money audits after it.</summary>
internal sealed record CheckoutResult(
    CheckoutOptions Options,
    TimeSpan Elapsed,
    double[] SortedOrderLatenciesMs,
    double[] SortedPaymentLatenciesMs,
    double[] SortedCheckoutLatenciesMs,
    IReadOnlyDictionary<int, long> OrderStatuses,
    IReadOnlyDictionary<string, long> OrderErrors,
    IReadOnlyDictionary<int, long> PaymentStatuses,
    IReadOnlyDictionary<string, long> PaymentErrors,
    long PaymentsSucceeded,
    IReadOnlyDictionary<int, long> CartStatuses,
    long TransportFailures,
    ServerMemory? ServerMemoryBefore,
    ServerMemory? ServerMemoryAfter,
    int RemainingStock,
    long ServerOrders,
    long ServerUnits,
    MoneyAudit? Money)
{
    /// <summary>Orders the shoppers saw created (201).</summary>
    public long Placed => OrderStatuses.GetValueOrDefault(201);

    /// <summary>
    /// No stock was oversold and no order was lost: the server holds exactly the orders answered
    /// 201, their units fit in the initial stock, and the Catalog's stock is the initial less them.
    /// </summary>
    public bool Consistent =>
        ServerOrders == Placed
        && ServerUnits == ServerOrders * Options.Quantity
        && ServerUnits <= Options.Stock
        && RemainingStock == Options.Stock - ServerUnits;

    public string Format()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var o = Options;
        text.AppendLine(inv, $"target      checkout on {o.Server}  {o.Shoppers} shoppers, {o.Quantity} unit(s) per order, stock {o.Stock}, up to {o.Duration.TotalSeconds:0}s / {o.MaxOrders} orders, {(o.Pay ? "paid through the sandbox" : "not paid")}");
        text.AppendLine(inv, $"machine     {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        text.AppendLine(inv, $"elapsed     {Elapsed.TotalSeconds:0.0} s (until the last shopper stopped)");
        text.AppendLine(inv, $"orders      {Placed} placed, {Placed / Elapsed.TotalSeconds:0.0} orders/s");
        if (o.Pay)
        {
            text.AppendLine(inv, $"paid        {PaymentsSucceeded} paid, {PaymentsSucceeded / Elapsed.TotalSeconds:0.0} paid orders/s");
        }

        text.AppendLine(inv, $"order POST  {Latencies(SortedOrderLatenciesMs)}");
        if (o.Pay)
        {
            text.AppendLine(inv, $"payment     {Latencies(SortedPaymentLatenciesMs)}  (POST /payments/process)");
        }

        text.AppendLine(inv, $"checkout    {Latencies(SortedCheckoutLatenciesMs)}  (add to cart + order{(o.Pay ? " + payment" : string.Empty)}, completed rounds)");
        text.AppendLine(inv, $"statuses    order POST {Statuses(OrderStatuses)}; {(o.Pay ? $"payment POST {Statuses(PaymentStatuses)}; " : string.Empty)}add to cart {Statuses(CartStatuses)}; {TransportFailures} transport failures");
        if (OrderErrors.Count > 0)
        {
            text.AppendLine(inv, $"refusals    order {Errors(OrderErrors)}");
        }

        if (PaymentErrors.Count > 0)
        {
            text.AppendLine(inv, $"refusals    payment {Errors(PaymentErrors)}");
        }

        if (ServerMemoryBefore is { } before && ServerMemoryAfter is { } after)
        {
            text.AppendLine(inv, $"server RSS  {before.RssMb:0.0} MB before, {after.RssMb:0.0} MB after (peak {after.PeakRssMb:0.0} MB)");
        }

        text.AppendLine(inv, $"stock       initial {o.Stock}, remaining {RemainingStock} (Catalog); server holds {ServerOrders} orders, {ServerUnits} units");
        text.AppendLine(inv, $"audit       orders on the server {ServerOrders} {Cmp(ServerOrders == Placed)} 201s {Placed}; units {ServerUnits} {Cmp(ServerUnits <= o.Stock, "<=", ">")} initial {o.Stock}; remaining {RemainingStock} {Cmp(RemainingStock == o.Stock - ServerUnits)} {o.Stock} - {ServerUnits}");
        text.AppendLine(Consistent ? "oversold    no (stock and orders agree)" : "oversold    CHECK FAILED: stock and orders disagree");
        if (Money is { } money)
        {
            text.Append(money.Format());
        }

        // One line of key=value pairs for scripts (bench/run.sh): grep '^summary'.
        text.AppendLine(inv, $"summary     orders_per_s={Placed / Elapsed.TotalSeconds:0.0} paid_per_s={(o.Pay ? (PaymentsSucceeded / Elapsed.TotalSeconds).ToString("0.0", inv) : "-")} order_p50_ms={Percentile(SortedOrderLatenciesMs, 0.50):0.0} order_p99_ms={Percentile(SortedOrderLatenciesMs, 0.99):0.0} checkout_p50_ms={Percentile(SortedCheckoutLatenciesMs, 0.50):0.0} checkout_p99_ms={Percentile(SortedCheckoutLatenciesMs, 0.99):0.0} oversold={(Consistent ? "no" : "CHECK_FAILED")} money={(Money is null ? "-" : Money.AddsUp ? "yes" : "no")} rss_peak_mb={(ServerMemoryAfter is { } peak ? peak.PeakRssMb.ToString("0.0", inv) : "-")}");
        return text.ToString();
    }

    private static string Errors(IReadOnlyDictionary<string, long> errors)
        => string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}"));

    private static string Latencies(double[] sorted) => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {Percentile(sorted, 0.50):0.00} ms  p90 {Percentile(sorted, 0.90):0.00} ms  p99 {Percentile(sorted, 0.99):0.00} ms  max {(sorted.Length > 0 ? sorted[^1] : 0):0.00} ms  ({sorted.Length})");

    private static string Cmp(bool holds, string yes = "=", string no = "!=") => holds ? yes : no;

    private static string Statuses(IReadOnlyDictionary<int, long> statuses)
        => statuses.Count == 0 ? "none" : string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
