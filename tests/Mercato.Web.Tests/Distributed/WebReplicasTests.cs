using System.Text.RegularExpressions;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Distributed;

/// <summary>
/// Replicas of the storefront share one Data Protection key ring in Redis: a form one replica
/// served posts to another, and the session cookie one replica wrote is read by the other.
/// </summary>
public sealed class WebReplicasTests(WebReplicasShop shop) : IClassFixture<WebReplicasShop>
{
    [Fact]
    public async Task A_sign_in_form_from_one_replica_is_accepted_by_another_and_the_session_it_starts_is_read_by_the_first()
    {
        var page = await shop.NewPageAsync();
        await page.GotoAsync("/account/login");
        var antiforgery = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(antiforgery));

        // The form (and the antiforgery cookie the first replica set) posted to the second replica.
        var signedIn = await page.APIRequest.PostAsync(shop.SecondReplicaUrl + "/account/login", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData()
                .Append("_handler", "login")
                .Append("__RequestVerificationToken", antiforgery!)
                .Append("Input.Email", WebShop.AdminEmail)
                .Append("Input.Password", WebShop.AdminPassword),
            MaxRedirects = 0,
        });

        // A page instead of the redirect shows why in its alert (what the API answered the replica).
        var refusal = signedIn.Status == 302 ? string.Empty : AlertOf(await signedIn.TextAsync());
        Assert.True(signedIn.Status == 302, $"the second replica answered {signedIn.Status} ({refusal}):\n{shop.ServerOutput}");
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name.StartsWith("mercato_session", StringComparison.Ordinal));

        // The first replica reads the session cookie the second one wrote.
        var dashboard = await page.GotoAsync("/admin");
        Assert.Equal(200, dashboard!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        // The ring itself is in Redis, under the shared prefix, where a restarted or added replica finds it.
        var keys = await shop.Redis.KeysAsync();
        var ring = Assert.Single(keys, k => k.ToString().EndsWith("web:data-protection-keys", StringComparison.Ordinal));
        Assert.True(await shop.Redis.Connection.GetDatabase().ListLengthAsync(ring) >= 1);
        Problems.AssertNone(page);
    }

    private static string AlertOf(string html) =>
        Regex.Match(html, "role=\"alert\"[^>]*>(.*?)</div>", RegexOptions.Singleline) is { Success: true } alert
            ? Regex.Replace(alert.Groups[1].Value, "<[^>]+>", " ").Trim()
            : "no alert on the page";
}
