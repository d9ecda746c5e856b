namespace Mercato.Platform.Binding;

/// <summary>Declares an endpoint's <see cref="RequestAliases"/>.</summary>
public sealed class RequestAliasesBuilder
{
    internal RequestAliases Aliases { get; } = new();

    /// <summary>The body field <paramref name="alias"/> means <paramref name="canonical"/> (a dotted path for a nested field).</summary>
    public RequestAliasesBuilder Field(string alias, string canonical)
    {
        Aliases.Fields[alias] = canonical;
        return this;
    }

    /// <summary><paramref name="alias"/> in the query string or the body means the request header <paramref name="header"/>.</summary>
    public RequestAliasesBuilder Header(string alias, string header)
    {
        Aliases.Headers[alias] = header;
        return this;
    }

    /// <summary>An explicit <c>null</c> for <paramref name="field"/> answers 400 instead of meaning "the default".</summary>
    public RequestAliasesBuilder NotNull(string field)
    {
        Aliases.NotNull.Add(field);
        return this;
    }

    /// <summary>Form bodies are accepted with the same field names (and aliases) as JSON.</summary>
    public RequestAliasesBuilder AcceptForm()
    {
        Aliases.AcceptForm = true;
        return this;
    }
}
