using Microsoft.AspNetCore.Identity;

namespace Mercato.Identity.Users;

/// <summary>
/// A Mercato account: ASP.NET Core Identity's user (e-mail, user name, password hash, lockout,
/// security stamp) plus the shop's profile fields. Saved addresses (<c>Addresses/</c>) hang
/// off this entity by <see cref="IdentityUser{TKey}.Id"/>.
/// </summary>
internal sealed class User : IdentityUser<Guid>
{
    /// <summary>First name.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>Last name.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary>Date of birth, if the user gave one.</summary>
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>The language (BCP 47, e.g. <c>en</c>, <c>pt-BR</c>) their mails are written in; null for the shop's default.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>
    /// Whether <see cref="IdentityUser{TKey}.UserName"/> was chosen by the user. Without one,
    /// Identity's user name holds the e-mail address so sign-in by e-mail and name share one index.
    /// </summary>
    public bool HasUsername { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the account last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The user name to show, or null when the user never chose one.</summary>
    public string? DisplayUsername => HasUsername ? UserName : null;
}
