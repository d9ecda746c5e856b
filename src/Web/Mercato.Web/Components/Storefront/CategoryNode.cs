namespace Mercato.Web.Components.Storefront;

/// <summary>A category of the tree <c>GET /api/v1/categories</c> answers.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">Slug.</param>
/// <param name="Image">Picture, if any.</param>
/// <param name="ProductCount">Products in it and below it.</param>
/// <param name="Children">Sub-categories.</param>
public sealed record CategoryNode(Guid Id, string Name, string Slug, string? Image, int ProductCount, IReadOnlyList<CategoryNode> Children);
