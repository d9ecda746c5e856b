using Mercato.Catalog.Caching;
using System.Security.Claims;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Data;
using Mercato.Catalog.Stock;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Products;

/// <summary>
/// Administrators' product writes on <c>/api/v1/products</c>. Every write bumps the product's
/// <c>Version</c> (its ETag and concurrency token) and writes its event to the outbox in the same
/// SaveChanges. Stock is set on create, and by PUT (seed 004) through the stock ledger in the same
/// transaction as the product's change; PATCH refuses a <c>stock</c> field with 400.
/// </summary>
internal static class ProductsAdminApi
{
    /// <summary>Maps the admin product endpoints.</summary>
    public static IEndpointRouteBuilder MapProductsAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapGroup("/api/v1/products")
            .WithTags("Products")
            .RequireAuthorization(MercatoPolicies.Admin);
        group.MapPost("/", CreateAsync).WithName("CreateProduct").WithSummary("Creates a product with its initial stock (Admin)");
        group.MapPut("/{id:guid}", ReplaceAsync).WithName("ReplaceProduct")
            .WithSummary("Replaces a product (every required field given) or changes the fields given (seed 004's name, price, stock); stock goes through the ledger (Admin)");
        group.MapPatch("/{id:guid}", PatchAsync).WithName("PatchProduct").WithSummary("Changes the given fields of a product (Admin)");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteProduct").WithSummary("Removes a product from the shop (soft delete, Admin)");
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<ProductResponse>>, ApiErrorResult>> CreateAsync(
        ProductRequest request, ClaimsPrincipal principal, CatalogDbContext db, CatalogReadCache cache, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var product = new Product { Id = Guid.CreateVersion7(), CreatedAt = now, OnHand = request.Stock ?? 0, Available = true };
        Merge(request, product);
        product.Slug = request.Slug ?? Slugs.From(request.Name, ProductFieldsValidator<ProductRequest>.MaxSlugLength);
        if (await CheckAsync(db, product, cancellationToken) is { } refused)
        {
            return refused;
        }

        AddNew(db, product, principal.FindFirstValue(MercatoClaims.Subject), now);
        if (await SaveAsync(db, product, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return ApiResults.Created(
            $"/api/v1/products/{product.Id}", await ProductDetails.LoadAsync(db, cache, product, cancellationToken), "Product created successfully");
    }

    /// <summary>Adds a new, merged product with its initial stock ledger entry and its <c>ProductCreated</c> event (saved by the caller).</summary>
    internal static void AddNew(CatalogDbContext db, Product product, string? actor, DateTime now)
    {
        Stamp(product, now);
        db.Products.Add(product);
        db.StockLedger.Add(new StockLedgerEntry
        {
            Id = Guid.CreateVersion7(),
            ProductId = product.Id,
            Kind = StockChangeKind.Initial,
            OnHandChange = product.OnHand,
            OnHandAfter = product.OnHand,
            Reason = "Initial stock",
            Actor = actor,
            CreatedAt = now,
        });
        db.AddIntegrationEvent(ProductEventsOf.Created(product), CatalogModule.Name);
    }

    /// <summary>Stamps a changed product and adds its <c>ProductUpdated</c> event (saved by the caller).</summary>
    internal static void AddChange(CatalogDbContext db, Product product, decimal previousPrice, DateTime now)
    {
        Stamp(product, now);
        db.AddIntegrationEvent(
            new ProductUpdated(product.Id, product.Name, product.Sku, product.Price, previousPrice, product.CompareAtPrice, product.Available),
            CatalogModule.Name);
    }

    private static async Task<Results<Ok<ApiResponse<ProductResponse>>, ApiErrorResult>> ReplaceAsync(
        Guid id,
        ProductReplaceRequest request,
        ClaimsPrincipal principal,
        CatalogDbContext db,
        CatalogReadCache cache,
        StockService stock,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        Action<Product> change = request.IsComplete ? product => Replace(request, product) : product => Merge(request, product);
        if (request.Stock is not { } onHand)
        {
            return await UpdateAsync(id, db, cache, time, change, cancellationToken);
        }

        // The stock and the product change together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var figures = await stock.FiguresAsync(id, cancellationToken);
        if (figures is null)
        {
            return ApiResults.NotFound($"Product '{id}' not found");
        }

        if (figures.OnHand != onHand)
        {
            var outcome = await stock.SetOnHandAsync(id, onHand, "Stock set by a product update", StockActor.Of(principal), cancellationToken);
            if (outcome.Status != StockChangeStatus.Changed)
            {
                return ProductStockApi.Refusal(outcome, id, "stock");
            }
        }

        var result = await UpdateAsync(id, db, cache, time, change, cancellationToken);
        if (result.Result is Ok<ApiResponse<ProductResponse>>)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>A whole-product PUT: what it leaves out goes back to a new product's defaults; the stock figures stay.</summary>
    private static void Replace(ProductReplaceRequest request, Product product)
    {
        var (onHand, reserved) = (product.OnHand, product.Reserved);
        product.LongDescription = null;
        product.CompareAtPrice = null;
        product.Images = [];
        product.Tags = [];
        product.Attributes = [];
        product.Specifications = [];
        product.RelatedProductIds = [];
        product.Available = true;
        Merge(request, product);
        product.Slug = request.Slug ?? Slugs.From(request.Name, ProductFieldsValidator<ProductRequest>.MaxSlugLength);
        (product.OnHand, product.Reserved) = (onHand, reserved);
    }

    private static Task<Results<Ok<ApiResponse<ProductResponse>>, ApiErrorResult>> PatchAsync(
        Guid id, ProductPatchRequest request, CatalogDbContext db, CatalogReadCache cache, TimeProvider time, CancellationToken cancellationToken)
        => UpdateAsync(id, db, cache, time, product => Merge(request, product), cancellationToken);

    private static async Task<Results<NoContent, ApiErrorResult>> DeleteAsync(
        Guid id, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id && !p.IsDeleted, cancellationToken);
        if (product is null)
        {
            return ApiResults.NotFound($"Product '{id}' not found");
        }

        product.IsDeleted = true;
        Stamp(product, time.GetUtcNow().UtcDateTime);
        db.AddIntegrationEvent(new ProductDeleted(product.Id), CatalogModule.Name);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConcurrentChange();
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ApiResponse<ProductResponse>>, ApiErrorResult>> UpdateAsync(
        Guid id, CatalogDbContext db, CatalogReadCache cache, TimeProvider time, Action<Product> change, CancellationToken cancellationToken)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id && !p.IsDeleted, cancellationToken);
        if (product is null)
        {
            return ApiResults.NotFound($"Product '{id}' not found");
        }

        var previousPrice = product.Price;
        change(product);
        if (await CheckAsync(db, product, cancellationToken) is { } refused)
        {
            return refused;
        }

        AddChange(db, product, previousPrice, time.GetUtcNow().UtcDateTime);
        if (await SaveAsync(db, product, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return ApiResults.Ok(await ProductDetails.LoadAsync(db, cache, product, cancellationToken), "Product updated successfully");
    }

    /// <summary>Copies the given (non-null) fields onto the product.</summary>
    internal static void Merge(ProductFields request, Product product)
    {
        product.Name = request.Name?.Trim() ?? product.Name;
        product.Slug = request.Slug ?? product.Slug;
        product.Description = request.Description ?? product.Description;
        product.LongDescription = request.LongDescription ?? product.LongDescription;
        product.Price = request.Price ?? product.Price;
        product.CompareAtPrice = request.CompareAtPrice ?? product.CompareAtPrice;
        product.Sku = request.Sku?.ToUpperInvariant() ?? product.Sku;
        product.CategoryId = request.CategoryId ?? product.CategoryId;
        product.Available = request.Available ?? product.Available;
        if (request.Images is not null)
        {
            product.Images = [.. request.Images.Select(i => new ProductImage { Url = i.Url!, Alt = i.Alt, IsPrimary = i.IsPrimary })];
        }

        if (request.Tags is not null)
        {
            product.Tags = [.. request.Tags.Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        }

        if (request.Attributes is not null)
        {
            product.Attributes = [.. request.Attributes.Select(a => new ProductAttribute { Name = a.Name!, Value = a.Value! })];
        }

        if (request.Specifications is not null)
        {
            product.Specifications = new Dictionary<string, string>(request.Specifications, StringComparer.Ordinal);
        }

        if (request.RelatedProducts is not null)
        {
            product.RelatedProductIds = [.. request.RelatedProducts.Distinct()];
        }
    }

    /// <summary>The refusal of a merged product the validator cannot judge alone, or null.</summary>
    private static async Task<ApiErrorResult?> CheckAsync(CatalogDbContext db, Product product, CancellationToken cancellationToken)
    {
        if (product.CompareAtPrice is { } list && list < product.Price)
        {
            return ApiResults.BadRequest("compareAtPrice", "'Compare At Price' must be at least 'Price'.");
        }

        if (!await db.Categories.AnyAsync(c => c.Id == product.CategoryId, cancellationToken))
        {
            return ApiResults.BadRequest("categoryId", $"Category '{product.CategoryId}' not found");
        }

        var related = product.RelatedProductIds;
        if (related.Contains(product.Id)
            || await db.Products.CountAsync(p => related.Contains(p.Id) && !p.IsDeleted, cancellationToken) != related.Count)
        {
            return ApiResults.BadRequest("relatedProducts", "Related products must be other existing products");
        }

        return await DuplicateAsync(db, product, cancellationToken);
    }

    private static async Task<ApiErrorResult?> DuplicateAsync(CatalogDbContext db, Product product, CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(p => p.Slug == product.Slug && p.Id != product.Id, cancellationToken))
        {
            return ApiResults.Conflict(ErrorCodes.AlreadyExists, $"A product with slug '{product.Slug}' already exists", "slug");
        }

        return await db.Products.AnyAsync(p => p.Sku == product.Sku && p.Id != product.Id, cancellationToken)
            ? ApiResults.Conflict(ErrorCodes.AlreadyExists, $"A product with SKU '{product.Sku}' already exists", "sku")
            : null;
    }

    private static void Stamp(Product product, DateTime now)
    {
        product.DiscountPercent = Product.DiscountFor(product.Price, product.CompareAtPrice);
        product.Version++;
        product.UpdatedAt = now;
    }

    /// <summary>Saves; a lost race for the slug or SKU is a 409 naming it, a lost race for the row a 409 CONFLICT, anything else a real failure.</summary>
    private static async Task<ApiErrorResult?> SaveAsync(CatalogDbContext db, Product product, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConcurrentChange();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await DuplicateAsync(db, product, cancellationToken) is { } duplicate)
            {
                return duplicate;
            }

            throw;
        }
    }

    private static ApiErrorResult ConcurrentChange()
        => ApiResults.Conflict(ErrorCodes.Conflict, "The product was changed by someone else at the same time; read it again and retry");
}
