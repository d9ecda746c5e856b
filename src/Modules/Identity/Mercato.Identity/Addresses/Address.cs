namespace Mercato.Identity.Addresses;

/// <summary>
/// An address in a user's address book (seed 004's addresses): where they ship or are billed. At
/// most one per user is the default shipping address and at most one the default billing address
/// (unique filtered indexes hold the invariant). Orders copy an address when placed, so changing
/// or deleting it never rewrites an order.
/// </summary>
internal sealed class Address
{
    /// <summary>The address id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The owner.</summary>
    public Guid UserId { get; set; }

    /// <summary>The recipient's first name, if it is not the account's.</summary>
    public string? FirstName { get; set; }

    /// <summary>The recipient's last name.</summary>
    public string? LastName { get; set; }

    /// <summary>Company.</summary>
    public string? Company { get; set; }

    /// <summary>Street and number.</summary>
    public string Street { get; set; } = string.Empty;

    /// <summary>A second address line (flat, floor, building).</summary>
    public string? Street2 { get; set; }

    /// <summary>City.</summary>
    public string City { get; set; } = string.Empty;

    /// <summary>State, province or region.</summary>
    public string? State { get; set; }

    /// <summary>Postal code.</summary>
    public string ZipCode { get; set; } = string.Empty;

    /// <summary>Country.</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>A phone number for the delivery (E.164).</summary>
    public string? Phone { get; set; }

    /// <summary>Whether this is the user's default shipping address.</summary>
    public bool IsDefaultShipping { get; set; }

    /// <summary>Whether this is the user's default billing address.</summary>
    public bool IsDefaultBilling { get; set; }

    /// <summary>When it was saved (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
