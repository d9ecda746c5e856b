using System.ComponentModel.DataAnnotations;
using Mercato.Catalog.Caching;
using Mercato.Catalog.Data;
using Mercato.Messaging.Audit;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Categories;

/// <summary><c>/api/v1/categories</c>: the category tree for everyone, and its upkeep for administrators.</summary>
internal static class CategoriesApi
{
    /// <summary>Maps the category endpoints.</summary>
    public static IEndpointRouteBuilder MapCategoriesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapGroup("/api/v1/categories")
            .WithTags("Categories");
        group.MapGet("/", ListAsync).WithName("ListCategories").WithSummary("The category tree with product counts").AllowAnonymous().WithConditionalGet().CacheableRead();
        group.MapGet("/{idOrSlug}", GetAsync).WithName("GetCategory").WithSummary("One category (by id or slug) with its sub-tree").AllowAnonymous().WithConditionalGet().CacheableRead();
        group.MapPost("/", CreateAsync).WithName("CreateCategory").WithSummary("Creates a category (Admin)").RequireAuthorization(MercatoPolicies.Admin);
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateCategory").WithSummary("Replaces a category (Admin)").RequireAuthorization(MercatoPolicies.Admin);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteCategory")
            .WithSummary("Deletes an empty category, or moves its products and sub-categories to ?moveProductsTo first (Admin)")
            .RequireAuthorization(MercatoPolicies.Admin);
        return endpoints;
    }

    private static async Task<Ok<ApiResponse<List<CategoryResponse>>>> ListAsync(CatalogDbContext db, CatalogReadCache cache, CancellationToken cancellationToken)
    {
        var tree = await CategoryTree.WithCountsAsync(db, await cache.CategoriesAsync(db, cancellationToken), cancellationToken);
        return ApiResults.Ok(tree.Roots());
    }

    private static async Task<Results<Ok<ApiResponse<CategoryResponse>>, ApiErrorResult>> GetAsync(
        [MaxLength(CategoryRequest.MaxSlugLength)] string idOrSlug, CatalogDbContext db, CatalogReadCache cache, CancellationToken cancellationToken)
    {
        if (Slugs.RefuseLonger("idOrSlug", idOrSlug, CategoryRequest.MaxSlugLength) is { } refused)
        {
            return refused;
        }

        var tree = await CategoryTree.WithCountsAsync(db, await cache.CategoriesAsync(db, cancellationToken), cancellationToken);
        return tree.FindByIdOrSlug(idOrSlug) is { } category
            ? ApiResults.Ok(tree.ToResponse(category))
            : ApiResults.NotFound($"Category '{idOrSlug}' not found");
    }

    private static async Task<Results<Created<ApiResponse<CategoryResponse>>, ApiErrorResult>> CreateAsync(
        CategoryRequest request, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var tree = await CategoryTree.LoadAsync(db, cancellationToken);
        if (Check(request, tree, self: null) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var category = new Category { Id = Guid.CreateVersion7(), CreatedAt = now };
        Apply(request, category, now);
        db.Categories.Add(category);
        if (await SaveAsync(db, category, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        tree = await CategoryTree.LoadAsync(db, cancellationToken);
        return ApiResults.Created($"/api/v1/categories/{category.Id}", tree.ToResponse(tree.Find(category.Id)!), "Category created successfully");
    }

    private static async Task<Results<Ok<ApiResponse<CategoryResponse>>, ApiErrorResult>> UpdateAsync(
        Guid id, CategoryRequest request, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return ApiResults.NotFound($"Category '{id}' not found");
        }

        var tree = await CategoryTree.LoadAsync(db, cancellationToken);
        if (Check(request, tree, self: id) is { } refused)
        {
            return refused;
        }

        Apply(request, category, time.GetUtcNow().UtcDateTime);
        if (await SaveAsync(db, category, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        tree = await CategoryTree.LoadAsync(db, cancellationToken);
        return ApiResults.Ok(tree.ToResponse(tree.Find(id)!), "Category updated successfully");
    }

    private static async Task<Results<NoContent, ApiErrorResult>> DeleteAsync(
        Guid id, Guid? moveProductsTo, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return ApiResults.NotFound($"Category '{id}' not found");
        }

        var tree = await CategoryTree.LoadAsync(db, cancellationToken);
        var children = tree.ChildrenOf(id).Select(c => c.Id).ToList();
        // Deleted products still point at their category (old orders keep them), so they count here and move too.
        var products = await db.Products.CountAsync(p => p.CategoryId == id, cancellationToken);
        if (moveProductsTo is not { } targetId)
        {
            return products == 0 && children.Count == 0
                ? await RemoveAsync(db, category, cancellationToken)
                : ApiResults.Conflict(
                    ErrorCodes.Conflict,
                    $"The category still has {products} product(s) and {children.Count} sub-categories; pass moveProductsTo to move them to another category");
        }

        if (tree.Find(targetId) is null)
        {
            return ApiResults.BadRequest("moveProductsTo", $"Category '{targetId}' not found");
        }

        if (tree.IsSelfOrDescendant(targetId, id))
        {
            return ApiResults.BadRequest("moveProductsTo", "The products cannot move to the deleted category or a category below it");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Products.Where(p => p.CategoryId == id).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.CategoryId, targetId).SetProperty(p => p.Version, p => p.Version + 1).SetProperty(p => p.UpdatedAt, now),
            cancellationToken);
        if (moved > 0)
        {
            // A bulk update passes the audit interceptor by: its entry is saved with the category's removal.
            AuditTrail.Record(db, CatalogModule.Name, "products-moved", "category", id.ToString(), new { categoryId = id, products = moved }, new { categoryId = targetId, products = moved });
        }

        foreach (var child in await db.Categories.Where(c => c.ParentId == id).ToListAsync(cancellationToken))
        {
            child.ParentId = targetId;
            child.UpdatedAt = now;
        }

        var result = await RemoveAsync(db, category, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<Results<NoContent, ApiErrorResult>> RemoveAsync(CatalogDbContext db, Category category, CancellationToken cancellationToken)
    {
        db.Categories.Remove(category);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The refusal of a request that the validator cannot judge alone (parent, cycle, duplicate slug), or null.</summary>
    private static ApiErrorResult? Check(CategoryRequest request, CategoryTree tree, Guid? self)
    {
        if (request.ParentId is { } parentId)
        {
            if (tree.Find(parentId) is null)
            {
                return ApiResults.BadRequest("parentId", $"Category '{parentId}' not found");
            }

            if (self is { } id && tree.IsSelfOrDescendant(parentId, id))
            {
                return ApiResults.BadRequest("parentId", "A category cannot be placed below itself or one of its sub-categories");
            }
        }

        var slug = request.EffectiveSlug;
        return tree.FindBySlug(slug) is { } other && other.Id != self
            ? ApiResults.Conflict(ErrorCodes.AlreadyExists, $"A category with slug '{slug}' already exists", "slug")
            : null;
    }

    private static void Apply(CategoryRequest request, Category category, DateTime now)
    {
        category.Name = request.Name!.Trim();
        category.Slug = request.EffectiveSlug;
        category.Description = request.Description;
        category.Image = request.Image;
        category.ParentId = request.ParentId;
        category.SortOrder = request.SortOrder ?? 0;
        category.UpdatedAt = now;
    }

    /// <summary>Saves; a lost race for the slug (the unique index refused it) is a 409, anything else is a real failure.</summary>
    private static async Task<ApiErrorResult?> SaveAsync(CatalogDbContext db, Category category, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Categories.AnyAsync(c => c.Slug == category.Slug && c.Id != category.Id, cancellationToken))
            {
                return ApiResults.Conflict(ErrorCodes.AlreadyExists, $"A category with slug '{category.Slug}' already exists", "slug");
            }

            throw;
        }
    }
}
