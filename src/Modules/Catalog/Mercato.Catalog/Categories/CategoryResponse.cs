namespace Mercato.Catalog.Categories;

/// <summary>A category as seed 004 shows it, with its sub-tree.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL name.</param>
/// <param name="Description">Description.</param>
/// <param name="Image">Image URL.</param>
/// <param name="ParentId">The parent, or null at the top.</param>
/// <param name="SortOrder">Position among its siblings.</param>
/// <param name="ProductCount">Available, non-deleted products in this category and every category below it.</param>
/// <param name="Children">The categories directly below, each with its own sub-tree.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
internal sealed record CategoryResponse(
    Guid Id,
    string Name,
    string Slug,
    string? Description,
    string? Image,
    Guid? ParentId,
    int SortOrder,
    int ProductCount,
    IReadOnlyList<CategoryResponse> Children,
    DateTime CreatedAt,
    DateTime UpdatedAt);
