namespace Mercato.Web.Tests.Support;

/// <summary>
/// Debian's Chromium (Playwright's own download cannot work here). The README's test command installs
/// the <c>chromium-headless-shell</c> package: the headless-only build of the same Chromium, which is what
/// Playwright itself runs for headless tests; the Web suite took half the time with it (measured: the
/// accessibility and storefront classes 114 -> 58 s) than with the full browser in headless mode.
/// </summary>
public static class Chromium
{
    private const string HeadlessShell = "/usr/bin/chromium-headless-shell";

    /// <summary>
    /// The browser executable: <c>MERCATO_CHROMIUM</c>, else Debian's headless shell, else the full
    /// <c>/usr/bin/chromium</c> (a machine that has only that package).
    /// </summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("MERCATO_CHROMIUM") is { Length: > 0 } configured ? configured
        : File.Exists(HeadlessShell) ? HeadlessShell
        : "/usr/bin/chromium";
}
