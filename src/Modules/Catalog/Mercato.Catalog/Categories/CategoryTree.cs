using Mercato.Catalog.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Categories;

/// <summary>
/// The whole category tree in memory (catalogs have tens to hundreds of categories), with the
/// number of shoppable products directly in each category.
/// </summary>
internal sealed class CategoryTree
{
    private readonly Dictionary<Guid, Category> _byId;
    private readonly ILookup<Guid?, Category> _byParent;
    private readonly Dictionary<Guid, int> _directCounts;

    private CategoryTree(List<Category> categories, Dictionary<Guid, int> directCounts)
    {
        _byId = categories.ToDictionary(c => c.Id);
        _byParent = categories.ToLookup(c => c.ParentId);
        _directCounts = directCounts;
    }

    /// <summary>Loads every category and the count of available, non-deleted products in each.</summary>
    public static async Task<CategoryTree> LoadAsync(CatalogDbContext db, CancellationToken cancellationToken)
        => await LoadAsync(db, withProductCounts: true, cancellationToken);

    /// <summary>
    /// Loads the tree; without product counts it skips the aggregate over every product, which a
    /// product list (that only needs names and the sub-tree) must not pay on each request.
    /// </summary>
    public static async Task<CategoryTree> LoadAsync(CatalogDbContext db, bool withProductCounts, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        return withProductCounts ? await WithCountsAsync(db, categories, cancellationToken) : Of(categories);
    }

    /// <summary>The tree of these categories (e.g. the cached ones), without product counts.</summary>
    public static CategoryTree Of(List<Category> categories) => new(categories, []);

    /// <summary>The tree of these categories with the count of available, non-deleted products in each.</summary>
    public static async Task<CategoryTree> WithCountsAsync(CatalogDbContext db, List<Category> categories, CancellationToken cancellationToken)
    {
        var counts = await db.Products.AsNoTracking()
            .Where(p => !p.IsDeleted && p.Available)
            .GroupBy(p => p.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CategoryId, g => g.Count, cancellationToken);
        return new CategoryTree(categories, counts);
    }

    /// <summary>The category with this id, or null.</summary>
    public Category? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>The category with this id (a UUID) or slug, or null.</summary>
    public Category? FindByIdOrSlug(string idOrSlug)
        => Guid.TryParse(idOrSlug, out var id)
            ? Find(id)
            : FindBySlug(idOrSlug);

    /// <summary>The category with this slug (in any case), or null.</summary>
    public Category? FindBySlug(string slug)
        => _byId.Values.FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The categories directly below <paramref name="id"/>.</summary>
    public IEnumerable<Category> ChildrenOf(Guid id) => _byParent[id];

    /// <summary><paramref name="id"/> and every category below it.</summary>
    public List<Guid> SelfAndDescendants(Guid id)
    {
        var ids = new List<Guid> { id };
        for (var i = 0; i < ids.Count; i++)
        {
            ids.AddRange(_byParent[ids[i]].Select(c => c.Id));
        }

        return ids;
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="id"/> or lies below it.</summary>
    public bool IsSelfOrDescendant(Guid candidate, Guid id) => SelfAndDescendants(id).Contains(candidate);

    /// <summary>The top-level categories, each with its sub-tree.</summary>
    public List<CategoryResponse> Roots() => [.. Ordered(_byParent[null]).Select(ToResponse)];

    /// <summary>One category with its sub-tree.</summary>
    public CategoryResponse ToResponse(Category category)
    {
        var children = Ordered(_byParent[category.Id]).Select(ToResponse).ToList();
        var count = _directCounts.GetValueOrDefault(category.Id) + children.Sum(c => c.ProductCount);
        return new CategoryResponse(
            category.Id,
            category.Name,
            category.Slug,
            category.Description,
            category.Image,
            category.ParentId,
            category.SortOrder,
            count,
            children,
            category.CreatedAt,
            category.UpdatedAt);
    }

    private static IEnumerable<Category> Ordered(IEnumerable<Category> categories)
        => categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id);
}
