namespace Mercato.Web.Components.Storefront;

/// <summary>A review of a product (<c>GET /api/v1/products/{id}/reviews</c>).</summary>
/// <param name="Id">Id.</param>
/// <param name="UserName">The author's shown name.</param>
/// <param name="Rating">1 to 5.</param>
/// <param name="Title">Title.</param>
/// <param name="Comment">Text.</param>
/// <param name="VerifiedPurchase">Whether the author bought the product.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record ProductReview(Guid Id, string UserName, int Rating, string Title, string Comment, bool VerifiedPurchase, DateTimeOffset CreatedAt);
