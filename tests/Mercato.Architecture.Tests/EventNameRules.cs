using System.Reflection;
using System.Text.RegularExpressions;
using Mercato.Messaging.Events;

namespace Mercato.Architecture.Tests;

/// <summary>
/// The wire-name rule of DESIGN.md as a pure function over event types: every concrete
/// integration event declares a name <c>&lt;module&gt;.&lt;kebab-past-tense&gt;.v&lt;N&gt;</c>, and no two
/// events share one.
/// </summary>
public static partial class EventNameRules
{
    /// <summary>Every concrete integration event declared in <paramref name="assemblies"/>.</summary>
    public static IReadOnlyList<Type> EventsIn(IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IntegrationEvent).IsAssignableFrom(t))
            .ToList();

    /// <summary>What is wrong with the names of <paramref name="events"/>: missing, malformed or shared.</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<Type> events)
    {
        var violations = new List<string>();
        var named = new List<(Type Type, string Name)>();
        foreach (var type in events)
        {
            var name = type.GetCustomAttribute<EventNameAttribute>(inherit: false)?.Name;
            if (string.IsNullOrEmpty(name))
            {
                violations.Add($"{type.FullName} has no [EventName]");
            }
            else if (!WireName().IsMatch(name))
            {
                violations.Add($"{type.FullName} is named '{name}', which is not <module>.<kebab-past-tense>.v<N>");
            }
            else
            {
                named.Add((type, name));
            }
        }

        violations.AddRange(named.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' names {string.Join(" and ", g.Select(n => n.Type.FullName))}"));
        return violations;
    }

    [GeneratedRegex("^[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex WireName();
}
