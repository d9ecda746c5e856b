namespace Mercato.Ordering.Tests.Support;

/// <summary>An order placed by a new customer in a test.</summary>
/// <param name="Id">The order.</param>
/// <param name="Number">Its number.</param>
/// <param name="ProductId">The one product it holds.</param>
/// <param name="UserId">The customer.</param>
/// <param name="Email">The customer's e-mail.</param>
/// <param name="Token">The customer's access token.</param>
/// <param name="AdminToken">An administrator's access token.</param>
public sealed record PlacedOrder(Guid Id, string Number, Guid ProductId, Guid UserId, string Email, string Token, string AdminToken);
