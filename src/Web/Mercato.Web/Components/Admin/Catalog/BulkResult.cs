namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>What a bulk edit did to one product.</summary>
/// <param name="Product">The product's name and SKU.</param>
/// <param name="Ok">Whether the API took the change.</param>
/// <param name="Message">The new value, or the API's refusal.</param>
internal sealed record BulkResult(string Product, bool Ok, string Message);
