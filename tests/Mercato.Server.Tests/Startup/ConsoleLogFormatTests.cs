using System.Text.RegularExpressions;
using Mercato.Server.Tests.Support;
using Mercato.Testing;

namespace Mercato.Server.Tests.Startup;

/// <summary>
/// The real server's console logs: JSON lines when its output is redirected (as here, and under
/// any collector), human-readable single lines with UTC timestamps when the operator asks for
/// <c>simple</c> (the default at a terminal; see ConsoleLogFormatTests for the choice itself).
/// </summary>
public sealed partial class ConsoleLogFormatTests
{
    // One module starts quickly; the console set-up is the same for any selection.
    private static readonly string[] OneModule = ["--services", "identity"];

    [Fact]
    public async Task Redirected_output_gets_one_json_object_per_line_by_default()
    {
        using var workDir = new TempDirectory();
        await using var server = await Processes.StartServerAsync(workDir, arguments: OneModule);

        var banner = await Processes.EventuallyLoggedAsync(server, Processes.BannerCategory, Processes.ListeningEvent);

        Assert.Equal("Information", banner.GetProperty("LogLevel").GetString());
        Assert.DoesNotContain(server.Output, l => l.StartsWith("info:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simple_writes_each_entry_on_one_line_starting_with_its_utc_time()
    {
        using var workDir = new TempDirectory();
        await using var server = await Processes.StartServerAsync(
            workDir, new Dictionary<string, string?> { ["Logging:Console:FormatterName"] = "simple" }, OneModule);

        var banner = await MercatoProcess.EventuallyAsync(
            () => Task.FromResult(server.Output.FirstOrDefault(l => l.Contains(Processes.BannerCategory + "[" + Processes.ListeningEvent + "]", StringComparison.Ordinal))),
            l => l is not null,
            Processes.Patience);

        Assert.Matches(SimpleLine(), banner);
        Assert.Contains("listening on", banner, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(server.Output, l => l.StartsWith('{'));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z info: Mercato\.Platform\.Hosting\.StartupBanner\[1300\] ")]
    private static partial Regex SimpleLine();
}
