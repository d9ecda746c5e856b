namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>A category of the tree the API answers.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">URL name.</param>
/// <param name="Description">Description.</param>
/// <param name="ParentId">The parent, if any.</param>
/// <param name="SortOrder">Position among its siblings.</param>
/// <param name="ProductCount">Products shown in it and below.</param>
/// <param name="Children">Sub-categories.</param>
public sealed record AdminCategory(
    Guid Id, string Name, string Slug, string? Description, Guid? ParentId, int SortOrder, int ProductCount, IReadOnlyList<AdminCategory> Children)
{
    /// <summary>The tree <paramref name="roots"/> in display order, each with its depth.</summary>
    public static IReadOnlyList<(AdminCategory Category, int Depth)> Flatten(IEnumerable<AdminCategory>? roots)
    {
        var flat = new List<(AdminCategory, int)>();
        void Walk(IEnumerable<AdminCategory> level, int depth)
        {
            foreach (var category in level)
            {
                flat.Add((category, depth));
                Walk(category.Children, depth + 1);
            }
        }

        Walk(roots ?? [], 0);
        return flat;
    }

    /// <summary>The name indented by depth, for a select's option.</summary>
    public static string Indented(AdminCategory category, int depth) => new string('\u2014', depth) + (depth > 0 ? " " : string.Empty) + category.Name;
}
