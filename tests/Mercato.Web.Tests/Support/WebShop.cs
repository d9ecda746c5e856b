using System.Text.Json;
using Mercato.Testing;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Support;

/// <summary>
/// The shop as a browser meets it: the built <c>Mercato.Server</c> in embedded mode (every module,
/// the storefront and the dashboard, SQLite files in a temporary folder, the 200 demo products, mail to
/// the test SMTP server) on a loopback port, and Debian's Chromium driven by Playwright. The test
/// classes of <see cref="SharedWebShop"/> share one (a collection fixture; a subclass serves its own
/// classes); each test opens its own browser context (its own cookies).
/// </summary>
public class WebShop : IAsyncLifetime
{
    /// <summary>The administrator created on the first start.</summary>
    public const string AdminEmail = "admin@web.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Web-Admin-Passw0rd!";

    /// <summary>The shop's name in the header (<c>Web:ShopName</c>).</summary>
    public const string ShopName = "Harbour Lights";

    /// <summary>The shop's logo (<c>Web:LogoUrl</c>): the site's own icon.</summary>
    public const string LogoUrl = "/_content/Mercato.Web/favicon.svg";

    private static readonly TimeSpan StartupPatience = MercatoProcess.StartupPatience;

    private readonly TempDirectory _workspace = new();
    private readonly List<MercatoProcess> _processes = [];
    private IPlaywright? _playwright;

    /// <summary>The running server.</summary>
    public MercatoProcess Server { get; private set; } = null!;

    /// <summary>The shop's base URL.</summary>
    public string Url => Server.Url;

    /// <summary>A client of the shop's API for setting up and checking what the pages did.</summary>
    public HttpClient Api => Server.Client;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The working folder of the server processes.</summary>
    protected TempDirectory Workspace => _workspace;

    /// <summary>
    /// Starts the shop with <paramref name="settings"/> and returns the process the browser talks to
    /// (listening on <paramref name="port"/>): one embedded server unless a subclass deploys otherwise,
    /// registering every other process it starts with <see cref="Track"/>.
    /// </summary>
    protected virtual async Task<MercatoProcess> StartServersAsync(Dictionary<string, string?> settings, int port)
    {
        var server = Track(await MercatoProcess.StartAsync(RepoPaths.ServerDll, settings, _workspace.Folder("server"), port: port, waitUntilLive: false));
        await WaitUntilReadyAsync(server);
        return server;
    }

    /// <summary>Remembers a started process so that it is stopped at the end.</summary>
    protected MercatoProcess Track(MercatoProcess process)
    {
        _processes.Add(process);
        return process;
    }

    /// <summary>Waits until the process answers <c>/health/ready</c>.</summary>
    protected static async Task WaitUntilReadyAsync(MercatoProcess process)
    {
        await process.WaitUntilLiveAsync(StartupPatience);
        await process.WaitUntilReadyAsync(StartupPatience);
    }

    /// <summary>Settings a test class may add before the start (see <see cref="WebShop"/> subclasses).</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Auth:Issuer"] = $"http://127.0.0.1:{port}",
            ["Identity:Admin:Email"] = AdminEmail,
            ["Identity:Admin:Password"] = AdminPassword,
            ["Identity:Password:HashIterations"] = "1000",
            ["Catalog:DemoData:Enabled"] = "true",
            ["Web:ShopName"] = ShopName,
            ["Web:LogoUrl"] = LogoUrl,
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Messaging:Relay:PollInterval"] = "00:00:00.250",
            ["Messaging:Relay:BaseDelay"] = "00:00:00.250",
            ["Notifications:Email:Transport"] = "smtp",
            ["Notifications:Email:Smtp:Host"] = MailServer.Host,
            ["Notifications:Email:Smtp:Port"] = MailServer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Email:Smtp:Security"] = "none",
            ["Notifications:DispatchInterval"] = "00:00:00.250",
            ["Notifications:ShopName"] = ShopName,
            ["Payments:Sandbox:WebhookDelay"] = "00:00:00.500",
            ["Logs:Shipping:FlushInterval"] = "00:00:00.250",
        };
        Configure(settings);
        try
        {
            Server = await StartServersAsync(settings, port);
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath,
                Args = ["--no-sandbox", "--disable-dev-shm-usage"],
                Headless = true,
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A fresh browser context (no cookies) and its first page, at the desktop size unless given;
    /// <paramref name="bypassCsp"/> only for injecting a test tool (axe-core) into the pages.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Url,
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        Problems.Watch(page);
        return page;
    }

    /// <summary>Signs <paramref name="page"/> in through the sign-in form.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>An administrator's access token, for setting up data through the API.</summary>
    public Task<string> AdminTokenAsync() => Api.SignInAsync(AdminEmail, AdminPassword);

    /// <summary>The last lines every server process wrote, for a failing test's output.</summary>
    public string ServerOutput => string.Join('\n', _processes.SelectMany(p => p.Output.TakeLast(60)));

    /// <summary>Reads the envelope's <c>data</c> of an API answer.</summary>
    public static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("data").Clone();
    }

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.StopAsync(TimeSpan.FromSeconds(30));
        }

        _workspace.Dispose();
        GC.SuppressFinalize(this);
    }
}
