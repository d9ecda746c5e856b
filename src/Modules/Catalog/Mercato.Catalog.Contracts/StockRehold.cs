namespace Mercato.Catalog.Contracts;

/// <summary>How a re-hold of a cancelled order's stock ended (<see cref="ICatalogClient.ReholdAsync"/>).</summary>
public enum ReholdStatus
{
    /// <summary>Every line is held again, with a new hold time (by this call, or by an earlier one: nothing is held twice).</summary>
    Held,

    /// <summary>
    /// The order's stock is still held from before its cancellation: the Catalog has not applied
    /// the cancellation yet (it will release the units). Ask again shortly.
    /// </summary>
    NotReleasedYet,

    /// <summary>At least one line cannot be held (sold to someone else meanwhile); nothing was held.</summary>
    Insufficient,

    /// <summary>The order holds no reservation at all.</summary>
    NotFound,

    /// <summary>The order's stock was sold or returned: it cannot be held again.</summary>
    Conflict,
}

/// <summary>The outcome of a re-hold.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Shortages">When <see cref="ReholdStatus.Insufficient"/>: the lines that could not be held, with what is available.</param>
public sealed record ReholdStockResult(ReholdStatus Status, IReadOnlyList<StockShortage> Shortages)
{
    /// <summary>Whether the order's stock is held now.</summary>
    public bool Held => Status == ReholdStatus.Held;
}

/// <summary>Error codes of the Catalog's re-hold endpoint beyond the seed's.</summary>
public static class ReholdErrors
{
    /// <summary>409: the order's stock is still held from before its cancellation; ask again shortly.</summary>
    public const string StillHeld = "RESERVATION_STILL_HELD";
}
