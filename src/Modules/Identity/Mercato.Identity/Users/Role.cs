using Microsoft.AspNetCore.Identity;

namespace Mercato.Identity.Users;

/// <summary>A role (<c>Customer</c>, <c>Premium</c>, <c>Support</c>, <c>Admin</c>).</summary>
internal sealed class Role : IdentityRole<Guid>
{
    /// <summary>For EF Core.</summary>
    public Role()
    {
    }

    /// <summary>A role with a fixed id, as seeded by the migrations.</summary>
    public Role(Guid id, string name)
    {
        Id = id;
        Name = name;
        NormalizedName = name.ToUpperInvariant();
        ConcurrencyStamp = id.ToString();
    }
}
