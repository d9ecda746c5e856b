using Microsoft.AspNetCore.Builder;

namespace Mercato.Platform.Auth;

/// <summary>Endpoint conventions for Mercato's policies.</summary>
public static class AuthorizationExtensions
{
    /// <summary>Requires a service token carrying <paramref name="scope"/>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(MercatoPolicies.Scope(scope));

    /// <summary>Admits an administrator, or a service token carrying <paramref name="scope"/>.</summary>
    public static TBuilder RequireAdminOrScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(MercatoPolicies.AdminOrScope(scope));

    /// <summary>Requires the Admin role.</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(MercatoPolicies.Admin);

    /// <summary>Requires any signed-in user.</summary>
    public static TBuilder RequireCustomer<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(MercatoPolicies.Customer);
}
