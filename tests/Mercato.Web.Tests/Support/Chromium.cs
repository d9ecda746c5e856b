namespace Mercato.Web.Tests.Support;

/// <summary>Debian's Chromium (the README's test command installs the <c>chromium</c> package; Playwright's own download cannot work here).</summary>
public static class Chromium
{
    /// <summary>The browser executable: <c>MERCATO_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("MERCATO_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
}
