namespace Mercato.Cart.Contracts;

/// <summary>Whose cart: a signed-in user's (by id) or a guest's (by the cart key the guest holds).</summary>
/// <param name="UserId">The user, for a signed-in shopper's cart.</param>
/// <param name="CartKey">The guest's cart key, for a guest cart.</param>
public sealed record CartOwner(Guid? UserId, string? CartKey)
{
    /// <summary>A signed-in user's cart.</summary>
    public static CartOwner User(Guid userId) => new(userId, null);

    /// <summary>A guest's cart.</summary>
    public static CartOwner Guest(string cartKey) => new(null, cartKey);
}
