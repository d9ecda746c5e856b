namespace Mercato.Platform.Hosting;

/// <summary>The executable's own settings (<c>Mercato</c> section), validated at start.</summary>
public sealed class MercatoOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Mercato";

    /// <summary>The modules this process hosts (<c>--services</c>); empty means all.</summary>
    public string? Services { get; set; }

    /// <summary>How long in-flight requests may finish after SIGTERM or Ctrl+C, in seconds (default 30; 0 stops at once).</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.AtLeast(ShutdownTimeoutSeconds, 0, "Mercato:ShutdownTimeoutSeconds"));
}
