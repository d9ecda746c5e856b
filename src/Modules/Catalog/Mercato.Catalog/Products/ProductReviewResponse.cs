namespace Mercato.Catalog.Products;

/// <summary>A review as the product detail shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="UserId">Author.</param>
/// <param name="UserName">Author's shown name.</param>
/// <param name="Rating">1 to 5.</param>
/// <param name="Title">Title.</param>
/// <param name="Comment">Text.</param>
/// <param name="VerifiedPurchase">Whether the author bought the product.</param>
/// <param name="CreatedAt">When it was written.</param>
internal sealed record ProductReviewResponse(Guid Id, Guid UserId, string UserName, int Rating, string Title, string Comment, bool VerifiedPurchase, DateTime CreatedAt);
