namespace Mercato.Catalog.Categories;

/// <summary>A node of the category tree.</summary>
internal sealed class Category
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>URL name, unique.</summary>
    public string Slug { get; set; } = string.Empty;

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Image URL.</summary>
    public string? Image { get; set; }

    /// <summary>The parent, or null at the top.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>Position among its siblings.</summary>
    public int SortOrder { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
