using System.ComponentModel.DataAnnotations;

namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>The category form's fields.</summary>
public sealed class CategoryInput
{
    /// <summary>Name.</summary>
    [Required(ErrorMessage = "Enter the category's name.")]
    public string? Name { get; set; }

    /// <summary>URL name (optional: made from the name).</summary>
    public string? Slug { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>The parent's id, or empty for a top-level category.</summary>
    public string? ParentId { get; set; }

    /// <summary>Position among its siblings.</summary>
    public int? SortOrder { get; set; }

    /// <summary>The body of a create or replace.</summary>
    public object Body() => new
    {
        name = Name,
        slug = string.IsNullOrWhiteSpace(Slug) ? null : Slug.Trim(),
        description = string.IsNullOrWhiteSpace(Description) ? null : Description,
        parentId = Guid.TryParse(ParentId, out var parent) ? parent : (Guid?)null,
        sortOrder = SortOrder,
    };
}
