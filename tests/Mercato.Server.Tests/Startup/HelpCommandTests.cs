using Mercato.Server.Tests.Support;
using Mercato.Testing;

namespace Mercato.Server.Tests.Startup;

/// <summary>
/// <c>Mercato.Server --help</c> explains the executable and exits: it never starts serving, and so
/// never creates a data folder where an operator only asked what the commands are.
/// </summary>
public sealed class HelpCommandTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Prints_the_commands_and_the_services_and_exits_without_serving_or_writing(string word)
    {
        using var workDir = new TempDirectory();

        await using var process = await Processes.RunToExitAsync(RepoPaths.ServerDll, workDir, new Dictionary<string, string?>(), word);

        Assert.Equal(0, process.ExitCode);
        var text = string.Join('\n', process.Output);
        Assert.Contains("Usage:", text, StringComparison.Ordinal);
        Assert.Contains("Mercato.Server migrate [--services <names>]", text, StringComparison.Ordinal);
        Assert.Contains("Mercato.Server service-clients [--json]", text, StringComparison.Ordinal);
        Assert.Contains("identity, catalog", text, StringComparison.Ordinal);
        Assert.Contains("gateway", text, StringComparison.Ordinal);
        Assert.Contains("2 a configuration error", text, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workDir.Path));
    }
}
