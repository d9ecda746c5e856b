namespace Mercato.Platform.Binding;

/// <summary>
/// Endpoint metadata (added by <see cref="RequestAliasSetup.WithAliases{TBuilder}"/>): the other
/// seeds' names for this endpoint's inputs, applied by <see cref="RequestAliasMiddleware"/>
/// before binding, so an alias is never silently ignored.
/// </summary>
public sealed class RequestAliases
{
    /// <summary>Body field aliases: alias → canonical JSON path (dotted for nested, e.g. <c>shippingAddress.city</c>).</summary>
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Aliases of a request header, read from the query string or the body: alias → header name.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.Ordinal);

    /// <summary>Body fields where an explicit <c>null</c> is refused (leaving the field out keeps its default).</summary>
    public HashSet<string> NotNull { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether form bodies (<c>application/x-www-form-urlencoded</c>, <c>multipart/form-data</c>) are read like the JSON body.</summary>
    public bool AcceptForm { get; set; }
}
