namespace Mercato.Platform.Auth;

/// <summary>JWT claim names as issued by Identity (no Microsoft URI mapping).</summary>
public static class MercatoClaims
{
    /// <summary>The user's (or service client's) id.</summary>
    public const string Subject = "sub";

    /// <summary>One claim per role.</summary>
    public const string Role = "role";

    /// <summary>Space-separated OAuth2 scopes of a service token.</summary>
    public const string Scope = "scope";

    /// <summary>The OAuth2 client id of a service token.</summary>
    public const string ClientId = "client_id";

    /// <summary>The user's e-mail.</summary>
    public const string Email = "email";

    /// <summary>The user's first name (OpenID Connect's <c>given_name</c>), when the account has one.</summary>
    public const string GivenName = "given_name";

    /// <summary>The user's last name (OpenID Connect's <c>family_name</c>), when the account has one.</summary>
    public const string FamilyName = "family_name";

    /// <summary>The sign-in session (OpenID Connect's <c>sid</c>): every token of one sign-in and its refreshes shares it.</summary>
    public const string SessionId = "sid";

    /// <summary>Whether the user's e-mail address is verified (OpenID Connect's <c>email_verified</c>, <c>true</c> or <c>false</c>).</summary>
    public const string EmailVerified = "email_verified";
}
