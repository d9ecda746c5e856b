namespace Mercato.Cart.Coupons;

/// <summary>Who used a coupon, for the per-customer limit: a user by id, a guest by e-mail address.</summary>
internal static class CustomerKeys
{
    /// <summary>The key of a signed-in customer, or of a guest's e-mail when there is no id; null when neither is known.</summary>
    public static string? Of(Guid? customerId, string? email)
        => customerId is { } id ? $"user:{id}" : string.IsNullOrWhiteSpace(email) ? null : $"email:{email.Trim().ToLowerInvariant()}";
}
