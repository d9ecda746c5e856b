namespace Mercato.Platform.Auth;

/// <summary>Authorization policy names.</summary>
public static class MercatoPolicies
{
    /// <summary>Any signed-in user (Customer, Premium or Admin).</summary>
    public const string Customer = "Customer";

    /// <summary>Premium users and admins.</summary>
    public const string Premium = "Premium";

    /// <summary>Admins only.</summary>
    public const string Admin = "Admin";

    /// <summary>Prefix of the dynamic scope policies, e.g. <c>scope:catalog.stock</c>.</summary>
    public const string ScopePrefix = "scope:";

    /// <summary>Prefix of the dynamic policies that admit an administrator or a service token with a scope.</summary>
    public const string AdminOrScopePrefix = "admin-or-scope:";

    /// <summary>The policy that requires a service token with the given scope.</summary>
    public static string Scope(string scope) => ScopePrefix + scope;

    /// <summary>The policy that admits an administrator, or a service token with the given scope.</summary>
    public static string AdminOrScope(string scope) => AdminOrScopePrefix + scope;
}
