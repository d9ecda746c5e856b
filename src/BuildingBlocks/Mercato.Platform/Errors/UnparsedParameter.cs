using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Mercato.Platform.Errors;

/// <summary>
/// Names the route or query value that did not parse when an endpoint answered a bare 400.
/// The source-generated request delegates (the SDK's Request Delegate Generator, on in every
/// project) set 400 for an optional value type that does not parse (<c>?active=maybe</c> for a
/// <c>bool?</c>) without the <see cref="BadHttpRequestException"/> the runtime factory throws
/// for it, so the envelope would not say which value was wrong. The endpoint's parameter
/// metadata says which parameters parse from text and where they come from; this parses each
/// one's value again the way the binder does and names the first that fails.
/// </summary>
internal static class UnparsedParameter
{
    private const DateTimeStyles DateStyles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    /// <summary>The C# name of the first parameter whose value does not parse, or null.</summary>
    public static string? Find(HttpContext http)
    {
        if (http.GetEndpoint() is not { } endpoint)
        {
            return null;
        }

        foreach (var binding in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>())
        {
            if (!binding.HasTryParse)
            {
                continue;
            }

            var parameter = binding.ParameterInfo;
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (type.IsArray || RawValue(http, parameter, binding.Name) is not { Length: > 0 } raw || Parses(type, raw))
            {
                continue;
            }

            return binding.Name;
        }

        return null;
    }

    private static string? RawValue(HttpContext http, ParameterInfo parameter, string name)
    {
        var attributes = parameter.GetCustomAttributes(inherit: true);
        if (attributes.OfType<IFromRouteMetadata>().FirstOrDefault() is { } route)
        {
            return http.Request.RouteValues[route.Name ?? name]?.ToString();
        }

        if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } query)
        {
            return http.Request.Query[query.Name ?? name].ToString();
        }

        if (attributes.OfType<IFromHeaderMetadata>().FirstOrDefault() is { } header)
        {
            return http.Request.Headers[header.Name ?? name].ToString();
        }

        // Inferred: the route value of that name, else the query value.
        return http.Request.RouteValues.TryGetValue(name, out var value) ? value?.ToString() : http.Request.Query[name].ToString();
    }

    private static bool Parses(Type type, string raw)
    {
        if (type.IsEnum)
        {
            return Enum.TryParse(type, raw, out _);
        }

        if (type == typeof(DateTime))
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateStyles, out _);
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateStyles, out _);
        }

        // TryParse(string, IFormatProvider, out T), or TryParse(string, out T) for types such as
        // bool that implement the first only explicitly (IParsable<T>).
        var flags = BindingFlags.Public | BindingFlags.Static;
        var byRef = type.MakeByRefType();
        if (type.GetMethod("TryParse", flags, [typeof(string), typeof(IFormatProvider), byRef]) is { } withProvider)
        {
            object?[] arguments = [raw, CultureInfo.InvariantCulture, null];
            return withProvider.Invoke(null, arguments) is true;
        }

        if (type.GetMethod("TryParse", flags, [typeof(string), byRef]) is { } plain)
        {
            object?[] arguments = [raw, null];
            return plain.Invoke(null, arguments) is true;
        }

        // A parse method this does not know (BindAsync, a custom TryParse): not ours to judge.
        return true;
    }
}
