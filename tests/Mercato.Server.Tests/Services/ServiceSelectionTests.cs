using System.Net;
using Mercato.Server.Tests.Support;
using Mercato.Testing;

namespace Mercato.Server.Tests.Services;

/// <summary><c>--services a,b</c> hosts exactly those modules; <c>all</c> (the default) hosts every one.</summary>
public sealed class ServiceSelectionTests
{
    [Fact]
    public async Task Only_the_selected_services_are_hosted()
    {
        using var workDir = new TempDirectory();
        await using var host = await Processes.StartTestHostAsync(workDir, arguments: ["--services", "probe"]);
        var ct = TestContext.Current.CancellationToken;

        using var created = await host.Client.PostJsonAsync("/api/v1/probe/notes", new { text = "only probe", priority = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var audit = await host.Client.GetAsync(new Uri($"/api/v1/audit/entries?noteId={Guid.NewGuid()}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, audit.StatusCode);
        var error = await audit.ReadErrorAsync();
        Assert.Equal(["NOT_FOUND"], error.ErrorCodes());

        Assert.True(File.Exists(workDir.Combine("data", "probe.db")));
        Assert.False(File.Exists(workDir.Combine("data", "audit.db")), "a module that is not hosted must not get a database");
        var banner = await Processes.EventuallyLoggedAsync(host, Processes.BannerCategory, Processes.ListeningEvent);
        Assert.Equal("probe", banner.State("Modules"));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("probe,audit,tally")]
    [InlineData(" Audit , PROBE , Tally ")]
    public async Task All_or_every_name_hosts_every_module(string services)
    {
        using var workDir = new TempDirectory();
        await using var host = await Processes.StartTestHostAsync(workDir, arguments: ["--services", services]);
        var ct = TestContext.Current.CancellationToken;

        using var audit = await host.Client.GetAsync(new Uri($"/api/v1/audit/entries?noteId={Guid.NewGuid()}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        using var probe = await host.Client.GetAsync(new Uri("/api/v1/probe/slow?ms=0", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        var banner = await Processes.EventuallyLoggedAsync(host, Processes.BannerCategory, Processes.ListeningEvent);
        Assert.Equal("probe, audit, tally", banner.State("Modules"));
    }

    [Theory]
    [InlineData("testhost", "probe,billing", "'billing'", "probe, audit")]
    [InlineData("server", "catalogue", "'catalogue'", "identity, catalog, cart, ordering, payments, notifications, webhooks, support, logs, web, gateway")]
    public async Task An_unknown_service_stops_the_start_with_a_message_listing_the_known_ones(
        string executable, string services, string named, string known)
    {
        using var workDir = new TempDirectory();
        var dll = executable == "server" ? RepoPaths.ServerDll : RepoPaths.TestHostDll;

        await using var process = await Processes.RunToExitAsync(dll, workDir, new Dictionary<string, string?>(), "--services", services);

        Assert.Equal(2, process.ExitCode);
        var message = Assert.Single(process.Output, line => line.StartsWith("Mercato cannot start:", StringComparison.Ordinal));
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.Contains("Known services: all, " + known, message, StringComparison.Ordinal);
        Assert.DoesNotContain(process.Output, line => line.Contains("   at ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(workDir.Combine("data")));
    }
}
