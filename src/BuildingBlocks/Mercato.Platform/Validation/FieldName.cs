namespace Mercato.Platform.Validation;

/// <summary>Converts C# property paths (<c>Address.ZipCode</c>) to JSON field paths (<c>address.zipCode</c>).</summary>
public static class FieldName
{
    /// <summary>camelCases each segment of a dotted path.</summary>
    public static string? ToCamelPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s.Length > 0 && char.IsUpper(s[0]))
            {
                segments[i] = char.ToLowerInvariant(s[0]) + s[1..];
            }
        }

        return string.Join('.', segments);
    }
}
