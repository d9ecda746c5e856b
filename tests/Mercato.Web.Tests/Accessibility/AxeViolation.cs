namespace Mercato.Web.Tests.Accessibility;

/// <summary>One axe-core rule a page breaks.</summary>
/// <param name="Id">The rule id (e.g. <c>color-contrast</c>).</param>
/// <param name="Impact">minor, moderate, serious or critical.</param>
/// <param name="Help">What the rule asks for.</param>
/// <param name="Targets">Selectors of (up to five of) the elements at fault.</param>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
{
    /// <summary>Whether the issue's bar fails on it (serious or critical).</summary>
    public bool Blocks => Impact is "serious" or "critical";

    /// <inheritdoc />
    public override string ToString() => $"{Impact} {Id}: {Help} at {string.Join(" | ", Targets)}";
}
