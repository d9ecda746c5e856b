using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Mercato.Payments.Tests.Stripe;

/// <summary>A request's parameters as Stripe.net sends them: form-encoded bodies and query strings with bracketed keys (<c>metadata[k]</c>, <c>expand[0]</c>, <c>created[gte]</c>).</summary>
public sealed class FakeStripeForm(IReadOnlyDictionary<string, string> values)
{
    /// <summary>Reads the query string and, for a POST, the form body.</summary>
    public static async Task<FakeStripeForm> ReadAsync(HttpRequest request)
    {
        var values = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var field in await request.ReadFormAsync())
            {
                values[field.Key] = field.Value.ToString();
            }
        }

        return new FakeStripeForm(values);
    }

    /// <summary>A value, or null.</summary>
    public string? this[string key] => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>A whole number, or null.</summary>
    public long? Number(string key) => this[key] is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>A boolean, false when absent.</summary>
    public bool Bool(string key) => this[key] == "true";

    /// <summary>The entries of a map parameter (<c>metadata[key]=value</c>).</summary>
    public Dictionary<string, string> Map(string prefix) => values
        .Where(v => v.Key.StartsWith(prefix + "[", StringComparison.Ordinal) && v.Key.EndsWith(']') && v.Key.IndexOf('[', prefix.Length + 1) < 0)
        .ToDictionary(v => v.Key[(prefix.Length + 1)..^1], v => v.Value, StringComparer.Ordinal);

    /// <summary>The values of a list parameter (<c>expand[0]</c>, <c>expand[1]</c>).</summary>
    public IReadOnlyList<string> List(string name) => [.. values.Where(v => v.Key.StartsWith(name + "[", StringComparison.Ordinal)).Select(v => v.Value)];
}
