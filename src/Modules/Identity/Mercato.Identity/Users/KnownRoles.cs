using Mercato.Platform.Auth;

namespace Mercato.Identity.Users;

/// <summary>The roles Mercato knows, with the fixed ids the migrations seed them under.</summary>
internal static class KnownRoles
{
    /// <summary>Every role, seeded by the migrations.</summary>
    public static IReadOnlyList<Role> All { get; } =
    [
        new(new Guid("0199a000-0000-7000-8000-000000000001"), MercatoRoles.Customer),
        new(new Guid("0199a000-0000-7000-8000-000000000002"), MercatoRoles.Premium),
        new(new Guid("0199a000-0000-7000-8000-000000000004"), MercatoRoles.Support),
        new(new Guid("0199a000-0000-7000-8000-000000000003"), MercatoRoles.Admin),
    ];

    /// <summary>The role names, in order of privilege.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(r => r.Name!)];

    /// <summary>The canonical spelling of a role name given in any case, or null if unknown.</summary>
    public static string? Canonical(string name)
        => Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}
