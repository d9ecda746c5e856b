namespace Mercato.Catalog.Contracts;

/// <summary>Scopes of the Catalog's service-only endpoints.</summary>
public static class CatalogScopes
{
    /// <summary>Reserve, commit and release stock.</summary>
    public const string Stock = "catalog.stock";

    /// <summary>Read product snapshots, unpublished and deleted products included.</summary>
    public const string Read = "catalog.read";
}
