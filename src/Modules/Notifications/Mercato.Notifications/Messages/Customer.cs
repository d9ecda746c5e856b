namespace Mercato.Notifications.Messages;

/// <summary>
/// What Notifications knows of a customer from Identity's events (their name and e-mail), so a
/// message about their order can greet them by name when the order itself carries none.
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

    /// <summary>When this was last learned (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
