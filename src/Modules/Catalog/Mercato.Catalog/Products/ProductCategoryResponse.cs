using Mercato.Catalog.Categories;

namespace Mercato.Catalog.Products;

/// <summary>A product's category as seed 004 embeds it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">Slug.</param>
internal sealed record ProductCategoryResponse(Guid Id, string Name, string Slug)
{
    /// <summary>The category <paramref name="categoryId"/> of <paramref name="tree"/> as a product embeds it, or null when the tree has none.</summary>
    public static ProductCategoryResponse? Of(CategoryTree tree, Guid categoryId)
        => tree.Find(categoryId) is { } c ? new ProductCategoryResponse(c.Id, c.Name, c.Slug) : null;
}
