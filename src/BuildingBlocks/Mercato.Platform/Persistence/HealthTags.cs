namespace Mercato.Platform.Persistence;

/// <summary>Health check tags.</summary>
public static class HealthTags
{
    /// <summary>Checks that must pass before the process takes traffic (<c>/health/ready</c>).</summary>
    public const string Ready = "ready";
}
