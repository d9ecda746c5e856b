namespace Mercato.Platform.Auth;

/// <summary>The roles a user can hold.</summary>
public static class MercatoRoles
{
    /// <summary>Every signed-up shopper.</summary>
    public const string Customer = "Customer";

    /// <summary>Shoppers on the premium plan.</summary>
    public const string Premium = "Premium";

    /// <summary>Shop staff with write access.</summary>
    public const string Admin = "Admin";

    /// <summary>Shop staff who answer customers' support conversations, and see nothing else of the back office.</summary>
    public const string Support = "Support";
}
