using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;

namespace Mercato.Server.Tests.Deployment;

/// <summary>
/// The configuration keys Mercato's code reads, found in the code itself: every settings class
/// that declares its section (<c>public const string Section = "Cart"</c>, bound by
/// <c>AddValidatedOptions</c>) walked property by property (dictionaries take any key, lists an
/// index), every key the code reads by a constant (<c>Catalog:DemoData:Enabled</c>),
/// <c>Services:&lt;module&gt;:Url</c> and <c>:Resilience</c> for the modules the server knows, and
/// the framework's own (<c>Urls</c>, <c>Logging:*</c>, <c>ConnectionStrings:*</c>,
/// <c>OTEL_*</c>, <c>ASPNETCORE_*</c>, <c>DOTNET_*</c>).
/// </summary>
internal sealed partial class ConfigurationKeys
{
    private readonly List<(string Section, Type Type)> _sections = [];
    private readonly HashSet<string> _constants = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _modules;

    private ConfigurationKeys(IEnumerable<Assembly> assemblies, IEnumerable<string> modules)
    {
        _modules = new HashSet<string>(modules, StringComparer.OrdinalIgnoreCase);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (!field.IsLiteral || field.FieldType != typeof(string) || field.GetRawConstantValue() is not string value)
                {
                    continue;
                }

                if (field.Name == "Section")
                {
                    _sections.Add((value, type));
                }
                else if (KeyPattern().IsMatch(value))
                {
                    _constants.Add(value);
                }
            }
        }
    }

    /// <summary>The keys of the server executable: its assembly and every Mercato assembly it references.</summary>
    public static ConfigurationKeys OfServer() =>
        new(MercatoAssemblies(typeof(ServerModules).Assembly), ServerModules.All.Select(m => m.Name));

    /// <summary>How many settings classes were found (a check that the scan found anything).</summary>
    public int SectionCount => _sections.Count;

    /// <summary>
    /// Whether the code reads <paramref name="variable"/>, an environment variable name
    /// (<c>Cart__TaxRate</c>, which configuration reads as <c>Cart:TaxRate</c>).
    /// </summary>
    public bool Knows(string variable)
    {
        if (variable.StartsWith("OTEL_", StringComparison.Ordinal)
            || variable.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
            || variable.StartsWith("DOTNET_", StringComparison.Ordinal))
        {
            return true;
        }

        var key = variable.Replace("__", ":", StringComparison.Ordinal);
        var segments = key.Split(':');
        if (key.Equals("Urls", StringComparison.OrdinalIgnoreCase) || key.Equals("AllowedHosts", StringComparison.OrdinalIgnoreCase)
            || (segments.Length > 1 && segments[0].Equals("Logging", StringComparison.OrdinalIgnoreCase))
            || (segments.Length == 2 && segments[0].Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (_constants.Contains(key))
        {
            return true;
        }

        // Services:<module>:Url (the gateway's routes, service clients) and :Resilience (the clients' pipelines).
        if (segments.Length >= 3 && segments[0].Equals("Services", StringComparison.OrdinalIgnoreCase) && _modules.Contains(segments[1]))
        {
            if (segments.Length == 3 && segments[2].Equals("Url", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (segments[2].Equals("Resilience", StringComparison.OrdinalIgnoreCase))
            {
                return Walk(typeof(HttpStandardResilienceOptions), segments.AsSpan(3));
            }
        }

        foreach (var (section, type) in _sections)
        {
            var prefix = section.Split(':');
            if (segments.Length > prefix.Length
                && prefix.Select((p, i) => p.Equals(segments[i], StringComparison.OrdinalIgnoreCase)).All(same => same)
                && Walk(type, segments.AsSpan(prefix.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the configuration binder can set <paramref name="path"/> on an instance of <paramref name="type"/>.</summary>
    private static bool Walk(Type type, ReadOnlySpan<string> path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (path.Length == 0)
        {
            return true;
        }

        if (IsLeaf(type))
        {
            return false;
        }

        if (DictionaryValueType(type) is { } value)
        {
            return Walk(value, path[1..]);
        }

        if (ElementType(type) is { } element)
        {
            return int.TryParse(path[0], out var index) && index >= 0 && Walk(element, path[1..]);
        }

        var name = path[0];
        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p =>
            string.Equals(p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name, name, StringComparison.OrdinalIgnoreCase));
        return property is not null
            && (property.CanWrite || !IsLeaf(property.PropertyType))
            && Walk(property.PropertyType, path[1..]);
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri)
        || (Nullable.GetUnderlyingType(type) is { } inner && IsLeaf(inner));

    private static Type? DictionaryValueType(Type type) => type.GetInterfaces().Append(type)
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
        ?.GetGenericArguments()[1];

    private static Type? ElementType(Type type) => type.IsArray
        ? type.GetElementType()
        : typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0] : null;

    private static List<Assembly> MercatoAssemblies(Assembly root)
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal) { [root.GetName().Name!] = root };
        var pending = new Queue<Assembly>([root]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Mercato.", StringComparison.Ordinal)))
            {
                if (!found.ContainsKey(reference.Name!))
                {
                    var loaded = Assembly.Load(reference);
                    found[reference.Name!] = loaded;
                    pending.Enqueue(loaded);
                }
            }
        }

        return [.. found.Values];
    }

    /// <summary>A configuration key the code names whole: capitalised segments separated by colons.</summary>
    [GeneratedRegex("^[A-Z][A-Za-z0-9]*(:[A-Z][A-Za-z0-9]*)+$")]
    private static partial Regex KeyPattern();
}
