namespace Mercato.Catalog.Reviews;

/// <summary>A review as seed 004 shows it, plus the verified-purchase flag.</summary>
/// <param name="Id">Review id.</param>
/// <param name="ProductId">The product.</param>
/// <param name="UserId">The author.</param>
/// <param name="UserName">The author's shown name (see <see cref="ReviewerName"/>).</param>
/// <param name="Rating">1 to 5.</param>
/// <param name="Title">Title.</param>
/// <param name="Comment">Text.</param>
/// <param name="VerifiedPurchase">Whether Ordering reported that the author received the product.</param>
/// <param name="CreatedAt">When it was written (UTC).</param>
internal sealed record ReviewResponse(
    Guid Id,
    Guid ProductId,
    Guid UserId,
    string UserName,
    int Rating,
    string Title,
    string Comment,
    bool VerifiedPurchase,
    DateTimeOffset CreatedAt)
{
    /// <summary>Maps a stored review.</summary>
    public static ReviewResponse From(Review review) => new(
        review.Id,
        review.ProductId,
        review.UserId,
        review.UserName,
        review.Rating,
        review.Title,
        review.Comment,
        review.VerifiedPurchase,
        review.CreatedAt);
}
