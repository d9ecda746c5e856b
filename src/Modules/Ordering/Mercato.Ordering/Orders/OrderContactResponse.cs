namespace Mercato.Ordering.Orders;

/// <summary>Who to contact about an order (seed 000's e-mail, names and phone).</summary>
/// <param name="Email">The contact e-mail.</param>
/// <param name="FirstName">First name, if given.</param>
/// <param name="LastName">Last name, if given.</param>
/// <param name="Phone">Phone, if given.</param>
internal sealed record OrderContactResponse(string Email, string? FirstName, string? LastName, string? Phone);
