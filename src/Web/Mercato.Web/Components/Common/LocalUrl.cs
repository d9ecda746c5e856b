namespace Mercato.Web.Components.Common;

/// <summary>Where a page may send the browser after a form: only a path of this site (no open redirect).</summary>
public static class LocalUrl
{
    /// <summary><paramref name="url"/> when it is a local path (<c>/x</c>, not <c>//host</c> or <c>/\host</c>), else <c>/</c>.</summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://", StringComparison.Ordinal)
            ? url
            : "/";
}
