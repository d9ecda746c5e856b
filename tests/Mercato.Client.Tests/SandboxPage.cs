using System.Net;

namespace Mercato.Client.Tests;

/// <summary>
/// The shopper's browser on the sandbox gateway's hosted page: card data is typed there, never sent
/// to Mercato's API (so no client of the API does this; a browser does).
/// </summary>
internal static class SandboxPage
{
    /// <summary>Pays <paramref name="checkoutUrl"/> with a test card and follows the redirect back to Mercato.</summary>
    /// <returns>The status of Mercato's return page.</returns>
    public static async Task<HttpStatusCode> PayAsync(string checkoutUrl, string card = "4242 4242 4242 4242")
    {
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var ct = TestContext.Current.CancellationToken;
        using var paid = await browser.PostAsync(new Uri(checkoutUrl), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cardNumber"] = card, ["expiry"] = "12/34", ["cvc"] = "123", ["name"] = "Ada Lovelace",
        }), ct);
        Assert.True(paid.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Found, $"the page answered {(int)paid.StatusCode}: {await paid.Content.ReadAsStringAsync(ct)}");
        using var back = await browser.GetAsync(paid.Headers.Location!, ct);
        return back.StatusCode;
    }
}
