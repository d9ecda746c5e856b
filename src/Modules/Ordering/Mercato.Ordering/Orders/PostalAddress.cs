namespace Mercato.Ordering.Orders;

/// <summary>A shipping or billing address as seed 004 spells it, stored with the order.</summary>
internal sealed class PostalAddress
{
    /// <summary>Street and number.</summary>
    public string Street { get; set; } = string.Empty;

    /// <summary>City.</summary>
    public string City { get; set; } = string.Empty;

    /// <summary>State, province or region; may be empty where a country has none.</summary>
    public string State { get; set; } = string.Empty;

    /// <summary>Postal code.</summary>
    public string ZipCode { get; set; } = string.Empty;

    /// <summary>Country.</summary>
    public string Country { get; set; } = string.Empty;
}
