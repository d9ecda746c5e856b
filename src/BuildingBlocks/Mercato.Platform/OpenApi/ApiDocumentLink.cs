using System.Globalization;

namespace Mercato.Platform.OpenApi;

/// <summary>An OpenAPI document the interactive reference at <c>/api/docs</c> offers.</summary>
/// <param name="Name">The document name, served at <c>/openapi/{Name}.json</c>.</param>
/// <param name="Title">What the reference's document picker shows.</param>
public sealed record ApiDocumentLink(string Name, string Title)
{
    /// <summary>The link to a module's own document (<c>catalog</c> shows as <c>Catalog</c>).</summary>
    public static ApiDocumentLink ForModule(string module) => new(module, TitleOf(module));

    /// <summary>A module's display name: its name with a capital first letter.</summary>
    public static string TitleOf(string module) =>
        module.Length == 0 ? module : char.ToUpper(module[0], CultureInfo.InvariantCulture) + module[1..];
}
