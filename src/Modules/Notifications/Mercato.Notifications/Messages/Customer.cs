namespace Mercato.Notifications.Messages;

/// <summary>
/// What Notifications knows of a customer from Identity's events (their e-mail, name, phone and
/// preferred language), so a message about their order can greet them by name, in their language,
/// when the order itself carries neither.
/// </summary>
internal sealed class Customer
{
    /// <summary>The user's id.</summary>
    public Guid UserId { get; set; }

    /// <summary>Their e-mail.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>Their first name.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>Their last name.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary>Their phone number (E.164), when they gave one.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>Their preferred language (<c>de</c>, <c>pt-BR</c>), or null for the shop's default.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// When the event these details come from happened (UTC): an event that happened earlier never
    /// overwrites them, so events arriving out of order leave the newest details.
    /// </summary>
    public DateTime DetailsAt { get; set; }

    /// <summary>Whether they administer the shop (Identity's <c>UserRolesChanged</c> named the Admin role): they get the administrators' mails.</summary>
    public bool IsAdmin { get; set; }

    /// <summary>When the roles <see cref="IsAdmin"/> comes from were set (UTC); older role changes never overwrite it.</summary>
    public DateTime RolesAt { get; set; }

    /// <summary>When this was last learned (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
