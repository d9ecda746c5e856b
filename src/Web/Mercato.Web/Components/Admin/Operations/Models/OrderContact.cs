namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>Who to contact about an order.</summary>
/// <param name="Email">The API's <c>email</c>.</param>
/// <param name="FirstName">The API's <c>firstName</c>.</param>
/// <param name="LastName">The API's <c>lastName</c>.</param>
/// <param name="Phone">The API's <c>phone</c>.</param>
public sealed record OrderContact(
    string Email,
    string? FirstName,
    string? LastName,
    string? Phone);
