namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>An order's shipping or billing address.</summary>
/// <param name="Street">The API's <c>street</c>.</param>
/// <param name="City">The API's <c>city</c>.</param>
/// <param name="State">The API's <c>state</c>.</param>
/// <param name="ZipCode">The API's <c>zipCode</c>.</param>
/// <param name="Country">The API's <c>country</c>.</param>
public sealed record OrderAddress(
    string? Street,
    string? City,
    string? State,
    string? ZipCode,
    string? Country);
