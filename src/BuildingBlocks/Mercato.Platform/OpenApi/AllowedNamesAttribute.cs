using System.Reflection;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Publishes, as the <c>enum</c> of a query or route parameter, the names its handler accepts:
/// the static member named here (a list of strings) is the one the handler's own check reads, so
/// document and server share one definition.
/// </summary>
/// <param name="owner">The type that declares the member.</param>
/// <param name="member">The static property or field holding the names.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class AllowedNamesAttribute(Type owner, string member) : Attribute
{
    private const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>The type that declares the member.</summary>
    public Type Owner { get; } = owner;

    /// <summary>The static property or field holding the names.</summary>
    public string Member { get; } = member;

    /// <summary>The names, read from the member.</summary>
    public IReadOnlyList<string> Names =>
        (Owner.GetProperty(Member, Static)?.GetValue(null) ?? Owner.GetField(Member, Static)?.GetValue(null)) is IEnumerable<string> names
            ? [.. names]
            : throw new InvalidOperationException($"{Owner.Name}.{Member} is not a static list of names");
}
