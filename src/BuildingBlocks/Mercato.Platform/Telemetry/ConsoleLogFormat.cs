namespace Mercato.Platform.Telemetry;

/// <summary>
/// Which console log format a process writes (<c>Logging:Console:FormatterName</c>): an explicit
/// setting wins; otherwise a person at a terminal reads <c>simple</c> lines (one per entry, UTC
/// timestamps), and anything reading redirected output (a collector, a file, a pipe) gets
/// <c>json</c>, one entry per line.
/// </summary>
public static class ConsoleLogFormat
{
    /// <summary>The setting.</summary>
    public const string SettingKey = "Logging:Console:FormatterName";

    /// <summary>One JSON object per line.</summary>
    public const string Json = "json";

    /// <summary>Human-readable single lines.</summary>
    public const string Simple = "simple";

    /// <summary>The formatter for a process whose standard output is redirected or not.</summary>
    /// <param name="configured">The setting's value, if any.</param>
    /// <param name="outputRedirected">Whether standard output is not a terminal (<see cref="Console.IsOutputRedirected"/>).</param>
    public static string Choose(string? configured, bool outputRedirected)
        => string.IsNullOrWhiteSpace(configured)
            ? (outputRedirected ? Json : Simple)
            : configured.Trim().ToLowerInvariant();
}
