namespace Mercato.Identity.Contracts;

/// <summary>Scopes of Identity's service-only endpoints.</summary>
public static class IdentityScopes
{
    /// <summary>Read any user's saved addresses (what Ordering needs to copy one into an order).</summary>
    public const string Addresses = "identity.addresses";
}
