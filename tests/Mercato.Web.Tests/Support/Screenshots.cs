using Mercato.Testing;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Support;

/// <summary>
/// Full-page screenshots of the pages a test visits, for a reviewer: saved under
/// <c>MERCATO_SCREENSHOTS</c> (the test command puts them beside the test results), else
/// <c>artifacts/screenshots</c> in the repository (ignored by git).
/// </summary>
public static class Screenshots
{
    /// <summary>The folder the screenshots go to.</summary>
    public static string Folder { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("MERCATO_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepoPaths.Root, "artifacts", "screenshots")).FullName;

    /// <summary>Saves <paramref name="page"/> as <c>&lt;name&gt;.png</c> and returns the file's path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
