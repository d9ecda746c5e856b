using System.Security.Claims;
using Mercato.Catalog.Data;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Mercato.Platform.Hosting;
using Mercato.Platform.RateLimiting;

namespace Mercato.Catalog.Reviews;

/// <summary>
/// <c>/api/v1/products/{id}/reviews</c>: shoppers' reviews. A product's <c>RatingTotal</c> and
/// <c>ReviewCount</c> move in the same transaction as the review insert, by an increment in SQL,
/// so the average rating stays exact however many reviews arrive at once.
/// </summary>
internal static class ReviewsApi
{
    /// <summary>Maps the review endpoints.</summary>
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapGroup("/api/v1/products/{id:guid}/reviews")
            .WithTags("Reviews");
        group.MapPost("/", CreateAsync).RequireAuthorization(MercatoPolicies.Customer)
            .WithName("CreateReview").WithSummary("Reviews a product; one review per user per product (signed in)");
        group.MapGet("/", ListAsync).AllowAnonymous().CacheableRead()
            .WithName("ListReviews").WithSummary("A product's reviews, newest first, paginated");
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<ReviewResponse>>, ApiErrorResult>> CreateAsync(
        Guid id,
        CreateReviewRequest request,
        ClaimsPrincipal principal,
        CatalogDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(MercatoClaims.Subject), out var userId))
        {
            return ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only a signed-in user can review a product");
        }

        if (!await db.Products.AnyAsync(p => p.Id == id && !p.IsDeleted, cancellationToken))
        {
            return ProductNotFound(id);
        }

        if (await db.Reviews.AnyAsync(r => r.ProductId == id && r.UserId == userId, cancellationToken))
        {
            return AlreadyReviewed();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var review = new Review
        {
            Id = Guid.CreateVersion7(),
            ProductId = id,
            UserId = userId,
            UserName = ReviewerName.FromEmail(principal.FindFirstValue(MercatoClaims.Email)),
            Rating = request.Rating!.Value,
            Title = request.Title!.Trim(),
            Comment = request.Comment!.Trim(),
            VerifiedPurchase = await db.Purchases.AnyAsync(p => p.UserId == userId && p.ProductId == id, cancellationToken),
            CreatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.Reviews.Add(review);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (product, user) index refused a review written in parallel by the same
            // user: their conflict. Anything else is a real failure.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await db.Reviews.AnyAsync(r => r.ProductId == id && r.UserId == userId, cancellationToken))
            {
                return AlreadyReviewed();
            }

            throw;
        }

        var counted = await db.Products
            .Where(p => p.Id == id && !p.IsDeleted)
            .ExecuteUpdateAsync(
                s => s.SetProperty(p => p.RatingTotal, p => p.RatingTotal + review.Rating)
                    .SetProperty(p => p.ReviewCount, p => p.ReviewCount + 1)
                    .SetProperty(p => p.Version, p => p.Version + 1)
                    .SetProperty(p => p.UpdatedAt, now),
                cancellationToken);
        if (counted == 0)
        {
            // Deleted between the check and the update: nothing is kept.
            await transaction.RollbackAsync(cancellationToken);
            return ProductNotFound(id);
        }

        await transaction.CommitAsync(cancellationToken);
        return ApiResults.Created($"/api/v1/products/{id}/reviews/{review.Id}", ReviewResponse.From(review), "Review added");
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<ReviewResponse>>>, ApiErrorResult>> ListAsync(
        Guid id, [AsParameters] ReviewListQuery query, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        if (!await db.Products.AnyAsync(p => p.Id == id && !p.IsDeleted, cancellationToken))
        {
            return ProductNotFound(id);
        }

        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? PageRules.DefaultPageSize;
        var reviews = db.Reviews.AsNoTracking().Where(r => r.ProductId == id);
        var total = await reviews.LongCountAsync(cancellationToken);
        var page = await reviews
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return ApiResults.Ok(new PagedResult<ReviewResponse>([.. page.Select(ReviewResponse.From)], pageNumber, pageSize, total));
    }

    private static ApiErrorResult ProductNotFound(Guid id) => ApiResults.NotFound($"Product '{id}' not found");

    private static ApiErrorResult AlreadyReviewed()
        => ApiResults.Conflict(ErrorCodes.AlreadyExists, "You have already reviewed this product", "productId");
}
