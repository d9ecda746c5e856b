using System.Diagnostics;
using System.Net;
using Mercato.Server.Tests.Support;
using Mercato.Testing;
using Microsoft.Data.Sqlite;

namespace Mercato.Server.Tests.Startup;

/// <summary>
/// Starting the executable: it becomes ready on its own, says where it listens and where the
/// docs are, keeps each module's SQLite file under <c>./data</c> (or the configured folder) and
/// applies the schema before it takes traffic.
/// </summary>
public sealed class ServerStartupTests
{
    /// <remarks>
    /// The server runs in a folder of its own, as operators start it: in the test command that is
    /// the published ReadyToRun server (<see cref="RepoPaths.ServerDll"/>), whose static files live
    /// in the <c>wwwroot</c> shipped next to it, not in the working directory.
    /// </remarks>
    [Fact]
    public async Task Server_becomes_ready_logs_its_url_and_serves_the_api_docs_and_the_storefronts_static_files()
    {
        using var workDir = new TempDirectory();

        var clock = Stopwatch.StartNew();
        await using var server = await Processes.StartServerAsync(workDir);
        await Processes.EventuallyAnswersAsync(server, "/health/ready", HttpStatusCode.OK);
        clock.Stop();
        // Reported, not asserted: wall-clock limits do not belong in tests.
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Mercato.Server answered 200 on /health/ready {clock.ElapsedMilliseconds} ms after the process was started");

        var banner = await Processes.EventuallyLoggedAsync(server, Processes.BannerCategory, Processes.ListeningEvent);
        Assert.Equal(server.Url, banner.State("Url"));
        Assert.Equal(server.Url + "/api/docs", banner.State("DocsUrl"));
        Assert.Equal("Information", banner.GetProperty("LogLevel").GetString());

        using var docs = await server.Client.GetAsync(new Uri("/api/docs", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);

        var home = await server.Client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var stylesheet = StaticFile(home, @"_content/Mercato\.Web/css/site\.[a-z0-9]+\.css");
        var script = StaticFile(home, @"_framework/blazor\.web\.[a-z0-9]+\.js");
        foreach (var (path, mediaType, text) in new[] { (stylesheet, "text/css", "body"), (script, "text/javascript", "Blazor") })
        {
            using var file = await server.Client.GetAsync(new Uri("/" + path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(mediaType, file.Content.Headers.ContentType?.MediaType);
            Assert.Contains(text, await file.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    private static string StaticFile(string page, string pattern)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, pattern);
        Assert.True(match.Success, $"The home page links no file like {pattern}");
        return match.Value;
    }

    [Fact]
    public async Task Modules_keep_their_sqlite_files_under_data_with_the_schema_applied_at_start()
    {
        using var workDir = new TempDirectory();
        await using var host = await Processes.StartTestHostAsync(workDir);
        await Processes.EventuallyAnswersAsync(host, "/health/ready", HttpStatusCode.OK);

        foreach (var module in new[] { "probe", "audit" })
        {
            var file = workDir.Combine("data", module + ".db");
            Assert.True(File.Exists(file), $"{file} was not created");
            Assert.NotEmpty(await AppliedMigrationsAsync(file));
        }

        Assert.Contains("probe_notes", await TablesAsync(workDir.Combine("data", "probe.db")));
        var banner = await Processes.EventuallyLoggedAsync(host, Processes.BannerCategory, Processes.ListeningEvent);
        Assert.Equal("probe, audit, tally", banner.State("Modules"));
    }

    [Fact]
    public async Task The_data_directory_is_configurable()
    {
        using var workDir = new TempDirectory();
        var custom = workDir.Combine("elsewhere", "mercato");
        await using var host = await Processes.StartTestHostAsync(workDir, new Dictionary<string, string?>
        {
            ["Persistence:DataDirectory"] = custom,
        });
        await Processes.EventuallyAnswersAsync(host, "/health/ready", HttpStatusCode.OK);

        Assert.Contains("probe_notes", await TablesAsync(Path.Combine(custom, "probe.db")));
        Assert.True(File.Exists(Path.Combine(custom, "audit.db")));
        Assert.False(Directory.Exists(workDir.Combine("data")), "nothing may be written to ./data when another folder is configured");
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_stops_the_start_with_exit_code_1()
    {
        using var workDir = new TempDirectory();

        await using var process = await Processes.RunToExitAsync(
            RepoPaths.TestHostDll,
            workDir,
            Processes.UnreachablePostgres());

        Assert.Equal(1, process.ExitCode);
        Assert.Single(process.Output, line => line.StartsWith("Mercato stopped: a module database could not be reached", StringComparison.Ordinal));
        Assert.Empty(JsonLogs.WithEvent(process.Output, Processes.BannerCategory, Processes.ListeningEvent));
    }

    internal static async Task<List<string>> TablesAsync(string file) =>
        await QueryAsync(file, "SELECT name FROM sqlite_master WHERE type = 'table'");

    internal static async Task<List<string>> AppliedMigrationsAsync(string file) =>
        await QueryAsync(file, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId");

    private static async Task<List<string>> QueryAsync(string file, string sql)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
