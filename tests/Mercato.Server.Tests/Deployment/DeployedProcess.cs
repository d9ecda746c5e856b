namespace Mercato.Server.Tests.Deployment;

/// <summary>
/// One Mercato process a deployment file starts: a compose service or a Kubernetes Deployment
/// or Job running the Mercato image, with its arguments and the configuration keys it sets.
/// </summary>
/// <param name="Source">Where it is declared, for messages (<c>compose.yaml service cart</c>).</param>
/// <param name="Arguments">Its command-line arguments (<c>--services cart</c>, <c>migrate --services all</c>).</param>
/// <param name="Settings">Every environment variable it gets, by name, with where each comes from.</param>
/// <param name="Values">Every environment variable it gets, by name, with its value as the files write it (an env file's from its committed <c>.example</c>).</param>
internal sealed record DeployedProcess(
    string Source, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, string?> Values)
{
    /// <summary>Whether it runs the <c>migrate</c> command rather than serving.</summary>
    public bool Migrates => Arguments.Count > 0 && string.Equals(Arguments[0], "migrate", StringComparison.OrdinalIgnoreCase);

    /// <summary>The names its <c>--services</c> argument lists (empty when it has none).</summary>
    public IReadOnlyList<string> Services
    {
        get
        {
            var at = Arguments.ToList().FindIndex(a => a == "--services");
            return at < 0 || at + 1 >= Arguments.Count
                ? []
                : Arguments[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }
}
