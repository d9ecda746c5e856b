namespace Mercato.Platform.Hosting;

/// <summary>The checks settings share, each answering a problem that names the setting, or null.</summary>
public static class SettingRules
{
    /// <summary>A duration that must be above zero.</summary>
    public static string? Positive(TimeSpan value, string key) => value > TimeSpan.Zero ? null : $"{key} must be positive";

    /// <summary>A duration that may be zero but not negative.</summary>
    public static string? NotNegative(TimeSpan value, string key) => value >= TimeSpan.Zero ? null : $"{key} must not be negative";

    /// <summary>A number with a lower bound.</summary>
    public static string? AtLeast(long value, long minimum, string key) => value >= minimum ? null : $"{key} must be at least {minimum}";

    /// <summary>An https:// URL or a path on this site starting with a single <c>/</c> (null or empty passes).</summary>
    public static string? HttpsUrlOrLocalPath(string? value, string key) =>
        string.IsNullOrEmpty(value)
        || (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && Uri.IsWellFormedUriString(value, UriKind.Relative))
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"{key} '{value}' must be an https:// URL or a path on this site starting with /";

    /// <summary>An absolute http:// or https:// URL (null or empty passes unless <paramref name="required"/>).</summary>
    public static string? HttpUrl(string? value, string key, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{key} must be set to an absolute http:// or https:// URL" : null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"{key} '{value}' is not an absolute http:// or https:// URL";
    }

    /// <summary>The problems among <paramref name="checks"/> (nulls are passes).</summary>
    public static IEnumerable<string> Failed(params string?[] checks) => checks.OfType<string>();
}
