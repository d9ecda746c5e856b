namespace Mercato.Catalog.Products;

/// <summary>A product's category as seed 004 embeds it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">Slug.</param>
internal sealed record ProductCategoryResponse(Guid Id, string Name, string Slug);
