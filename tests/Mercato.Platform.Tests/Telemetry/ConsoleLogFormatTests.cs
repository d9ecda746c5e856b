using Mercato.Platform.Telemetry;

namespace Mercato.Platform.Tests.Telemetry;

/// <summary>Console logs for people at a terminal, JSON for everything else, unless the operator says otherwise.</summary>
public sealed class ConsoleLogFormatTests
{
    [Theory]
    [InlineData(null, false, "simple")]
    [InlineData(null, true, "json")]
    [InlineData("", true, "json")]
    [InlineData("  ", false, "simple")]
    [InlineData("json", false, "json")]
    [InlineData("simple", true, "simple")]
    [InlineData("Simple", true, "simple")]
    [InlineData("systemd", true, "systemd")]
    public void The_setting_wins_and_otherwise_a_terminal_gets_simple_lines_and_redirected_output_json(
        string? configured, bool outputRedirected, string expected)
        => Assert.Equal(expected, ConsoleLogFormat.Choose(configured, outputRedirected));
}
