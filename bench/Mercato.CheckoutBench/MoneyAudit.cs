using System.Globalization;
using System.Text;

namespace Mercato.CheckoutBench;

/// <summary>
/// Whether the money of a paid run adds up, from what the server holds: the captured amounts of the
/// run's payments (the administrator's payment list) against the totals of the orders Ordering shows
/// as paid, and exactly one succeeded payment for every paid order.
/// </summary>
internal sealed record MoneyAudit(
    decimal CapturedSum,
    decimal PaidTotalsSum,
    int PaidOrders,
    int Payments,
    int SucceededPayments,
    int PaidOrdersWithoutOnePayment,
    int SucceededPaymentsOfUnpaidOrders,
    long SucceededAnswers)
{
    /// <summary>Audits the run's orders (every order of its shoppers) against the payments of those orders.</summary>
    public static MoneyAudit Of(IReadOnlyCollection<ServerOrder> orders, IReadOnlyCollection<ServerPayment> payments, long succeededAnswers)
    {
        var succeeded = payments.Where(p => p.Status == "succeeded").ToList();
        var succeededByOrder = succeeded.GroupBy(p => p.OrderId).ToDictionary(g => g.Key, g => g.Count());
        var paid = orders.Where(o => o.IsPaid).ToList();
        var paidIds = paid.Select(o => o.Id).ToHashSet();
        return new MoneyAudit(
            payments.Sum(p => p.Captured),
            paid.Sum(o => o.Total),
            paid.Count,
            payments.Count,
            succeeded.Count,
            paid.Count(o => succeededByOrder.GetValueOrDefault(o.Id) != 1),
            succeeded.Count(p => !paidIds.Contains(p.OrderId)),
            succeededAnswers);
    }

    /// <summary>
    /// Money adds up: what was captured is what the paid orders cost, every paid order has exactly one
    /// succeeded payment, no succeeded payment belongs to an unpaid order, and every <c>succeeded</c>
    /// answer the shoppers saw is a paid order.
    /// </summary>
    public bool AddsUp =>
        CapturedSum == PaidTotalsSum
        && PaidOrdersWithoutOnePayment == 0
        && SucceededPaymentsOfUnpaidOrders == 0
        && PaidOrders == SucceededAnswers
        && SucceededPayments == PaidOrders;

    /// <summary>The audit's lines.</summary>
    public string Format()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"payments    {Payments} on the server for the run's orders, {SucceededPayments} succeeded; {SucceededAnswers} 'succeeded' answers seen by the shoppers");
        text.AppendLine(inv, $"paid orders {PaidOrders} (Ordering); {PaidOrdersWithoutOnePayment} without exactly one succeeded payment; {SucceededPaymentsOfUnpaidOrders} succeeded payments of orders not paid");
        text.AppendLine(inv, $"money adds up: {(AddsUp ? "yes" : "no")} (captured {CapturedSum:0.00}, paid orders' totals {PaidTotalsSum:0.00})");
        return text.ToString();
    }
}
