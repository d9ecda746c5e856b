namespace Mercato.Web.Components.Account;

/// <summary>An address an order keeps.</summary>
/// <param name="Street">Street and number.</param>
/// <param name="City">City.</param>
/// <param name="State">State or region.</param>
/// <param name="ZipCode">Postal code.</param>
/// <param name="Country">Country.</param>
public sealed record OrderAddress(string? Street, string? City, string? State, string? ZipCode, string? Country);
