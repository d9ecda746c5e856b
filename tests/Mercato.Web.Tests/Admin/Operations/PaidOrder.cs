namespace Mercato.Web.Tests.Admin.Operations;

/// <summary>An order a customer placed and paid.</summary>
/// <param name="Id">The order's id.</param>
/// <param name="Number">Its number.</param>
/// <param name="Total">What was paid.</param>
/// <param name="PaymentId">The payment.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="CustomerEmail">The customer's e-mail address.</param>
/// <param name="CustomerToken">The customer's access token.</param>
internal sealed record PaidOrder(Guid Id, string Number, decimal Total, Guid PaymentId, Guid CustomerId, string CustomerEmail, string CustomerToken);
