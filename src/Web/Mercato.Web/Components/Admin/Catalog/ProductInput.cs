using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>The product form's fields (create and edit). Values are checked by the API, whose errors show beside each field.</summary>
public sealed class ProductInput
{
    /// <summary>Display name.</summary>
    [Required(ErrorMessage = "Enter the product's name.")]
    public string? Name { get; set; }

    /// <summary>Stock keeping unit.</summary>
    [Required(ErrorMessage = "Enter the SKU.")]
    public string? Sku { get; set; }

    /// <summary>Short description.</summary>
    [Required(ErrorMessage = "Enter a description.")]
    public string? Description { get; set; }

    /// <summary>What the shopper pays.</summary>
    [Required(ErrorMessage = "Enter the price.")]
    public decimal? Price { get; set; }

    /// <summary>List price (optional).</summary>
    public decimal? CompareAtPrice { get; set; }

    /// <summary>The category's id.</summary>
    [Required(ErrorMessage = "Choose a category.")]
    public string? CategoryId { get; set; }

    /// <summary>Initial units on hand (create only).</summary>
    public int? Stock { get; set; }

    /// <summary>Tags, comma-separated.</summary>
    public string? Tags { get; set; }

    /// <summary>Attributes, one <c>Name: Value</c> a line.</summary>
    public string? Attributes { get; set; }

    /// <summary>Published in the shop.</summary>
    public bool Available { get; set; } = true;

    private static readonly HashSet<string> FieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "slug", "sku", "description", "price", "compareAtPrice", "categoryId", "stock", "tags", "attributes",
    };

    /// <summary>What the form's summary says about a refusal: every message when one names no field of the form, else a pointer to the fields.</summary>
    public static IReadOnlyList<string> Summary<T>(Mercato.Web.Api.ApiResult<T> answer) =>
        answer.Errors.Any(e => e.Field is null || !FieldNames.Contains(e.Field)) ? answer.Messages : ["Check the fields marked below."];

    /// <summary>The tags as the API takes them.</summary>
    public List<string> TagList() =>
        [.. (Tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The attributes as the API takes them (a line without a colon is a name with an empty value, which the API refuses).</summary>
    public List<object> AttributeList() =>
        [.. (Attributes ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (object)new { name = parts[0], value = parts.Length > 1 ? parts[1] : string.Empty })];

    /// <summary>The category id, or null when none is chosen.</summary>
    public Guid? CategoryGuid() => Guid.TryParse(CategoryId, out var id) ? id : null;

    /// <summary>A form filled with <paramref name="product"/>.</summary>
    internal static ProductInput From(AdminProduct product) => new()
    {
        Name = product.Name,
        Sku = product.Sku,
        Description = product.Description,
        Price = product.Price,
        CompareAtPrice = product.CompareAtPrice,
        CategoryId = product.Category?.Id.ToString(),
        Tags = string.Join(", ", product.Tags),
        Attributes = string.Join("\n", product.Attributes.Select(a => $"{a.Name}: {a.Value}")),
        Available = product.Available,
    };

    /// <summary>An amount as an input's value.</summary>
    public static string? Amount(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);
}
