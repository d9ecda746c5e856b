namespace Mercato.Cart.Carts;

/// <summary>A guest line that could not be merged in full.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="ProductName">Its name.</param>
/// <param name="Requested">Units the merged line would have had (the user's plus the guest's).</param>
/// <param name="Merged">Units it has now (0 when the line was left out).</param>
/// <param name="Reason"><c>insufficientStock</c>, <c>lineLimit</c>, <c>cartLimit</c> or <c>unavailable</c>.</param>
internal sealed record MergeAdjustment(Guid ProductId, string ProductName, int Requested, int Merged, string Reason);
