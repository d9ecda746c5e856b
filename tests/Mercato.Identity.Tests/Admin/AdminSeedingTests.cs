using System.Net;
using Mercato.Identity.Data;
using Mercato.Identity.Tests.Support;
using Mercato.Identity.Users;
using Mercato.Platform.Auth;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Identity.Tests.Admin;

/// <summary>
/// The administrator that exists after the first start, seen from outside: the real server
/// process, its standard output, and its data directory across a restart; a configured password
/// that breaks the policy refuses the start (the entry point run in the test process).
/// </summary>
public sealed class AdminSeedingTests : IDisposable
{
    private const string DefaultAdminEmail = "admin@mercato.local";

    private readonly TempDirectory _workspace = new();

    [Fact]
    public async Task A_generated_password_is_printed_once_signs_in_as_Admin_and_still_works_after_a_restart_that_prints_nothing()
    {
        var settings = Settings();
        settings["Identity:Admin:Password"] = string.Empty;

        string password;
        await using (var first = await StartAsync(settings))
        {
            await IdentityProcesses.WaitUntilListeningAsync(first);
            password = Assert.Single(IdentityProcesses.PrintedPasswords(first));
            Assert.True(password.Length >= 16, $"generated password '{password}' is too short");
            Assert.Single(first.Output, line => line.Contains(password, StringComparison.Ordinal));

            var admin = await first.Client.LoginAsync(DefaultAdminEmail, password);
            Assert.Contains(MercatoRoles.Admin, IdentityApi.Claims(admin.AccessToken).Strings("role"));
            Assert.Equal(0, await first.TerminateAsync(IdentityProcesses.Patience));
        }

        await using var second = await StartAsync(settings);
        await IdentityProcesses.WaitUntilListeningAsync(second);
        Assert.Empty(IdentityProcesses.PrintedPasswords(second));
        Assert.DoesNotContain(second.Output, line => line.Contains("administrator created", StringComparison.OrdinalIgnoreCase));

        var again = await second.Client.LoginAsync(DefaultAdminEmail, password);
        Assert.Contains(MercatoRoles.Admin, IdentityApi.Claims(again.AccessToken).Strings("role"));
        var admins = await second.Client.ListUsersAsync(again.AccessToken, "role=Admin");
        Assert.Equal(1, admins.GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task A_configured_e_mail_and_password_make_the_administrator_and_nothing_is_printed()
    {
        var email = IdentityApi.NewEmail("operator");
        const string password = "Configured-Passw0rd";
        var settings = Settings();
        settings["Identity:Admin:Email"] = email;
        settings["Identity:Admin:Password"] = password;

        await using var server = await StartAsync(settings);
        await IdentityProcesses.WaitUntilListeningAsync(server);

        Assert.Empty(IdentityProcesses.PrintedPasswords(server));
        Assert.DoesNotContain(server.Output, line => line.Contains(password, StringComparison.Ordinal));
        var admin = await server.Client.LoginAsync(email, password);
        Assert.Equal([MercatoRoles.Admin, MercatoRoles.Customer], IdentityApi.Claims(admin.AccessToken).Strings("role").Order());
        using var defaultAdmin = await server.Client.PostJsonAsync("/api/v1/auth/login", new { email = DefaultAdminEmail, password });
        Assert.Equal(HttpStatusCode.Unauthorized, defaultAdmin.StatusCode);
    }

    [Fact]
    public async Task With_Create_false_no_administrator_exists()
    {
        var settings = Settings();
        settings["Identity:Admin:Create"] = "false";
        settings["Identity:Admin:Password"] = string.Empty;

        await using (var server = await StartAsync(settings))
        {
            await IdentityProcesses.WaitUntilListeningAsync(server);
            Assert.Empty(IdentityProcesses.PrintedPasswords(server));
            // Someone signs up meanwhile: still nobody is made Admin.
            await server.Client.RegisterAsync(IdentityApi.NewEmail("first-user"));
            Assert.Equal(0, await server.TerminateAsync(IdentityProcesses.Patience));
        }

        await using var db = OpenDatabase();
        var adminRole = KnownRoles.All.Single(r => r.Name == MercatoRoles.Admin).Id;
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(0, await db.UserRoles.CountAsync(ur => ur.RoleId == adminRole));
    }

    [Theory]
    [InlineData("Sh0rt!")]
    [InlineData("onlylowercaseletters")]
    public async Task A_configured_password_that_breaks_the_policy_stops_the_start_with_exit_code_2(string password)
    {
        var settings = Settings();
        settings["Identity:Admin:Password"] = password;

        // The entry point in the test process (the exit code and standard error of a refused start
        // through the real executable are proven by the signing-key configuration tests).
        var start = await InProcessStart.RunAsync([IdentityModule.Descriptor], null, settings, [], Path.Combine(_workspace.Path, "data"), IdentityProcesses.Patience);

        var output = string.Join('\n', start.Errors.Concat(start.Logs.Select(l => l.ToString())));
        Assert.True(start.ExitCode == 2, $"exit code {start.ExitCode}:\n{output}");
        Assert.Contains(start.Errors, line => line.Contains("Identity:Admin cannot be created", StringComparison.Ordinal));
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        Assert.False(start.ShowsAStackTrace, output);
    }

    /// <inheritdoc />
    public void Dispose() => _workspace.Dispose();

    private Dictionary<string, string?> Settings() =>
        IdentityProcesses.IdentitySettings(Path.Combine(_workspace.Path, "data"), "http://localhost:5000");

    private Task<MercatoProcess> StartAsync(Dictionary<string, string?> settings, bool waitUntilLive = true) =>
        IdentityProcesses.StartServerAsync(_workspace.Folder("server"), settings, waitUntilLive: waitUntilLive);

    private IdentitySqliteDbContext OpenDatabase() => new(
        new DbContextOptionsBuilder<IdentitySqliteDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_workspace.Path, "data", "identity.db")};Pooling=False")
            .Options);
}
