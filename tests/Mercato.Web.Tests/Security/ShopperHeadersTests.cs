using System.Net;
using Mercato.Web.Session;
using Microsoft.AspNetCore.Http;

namespace Mercato.Web.Tests.Security;

/// <summary>
/// What the UI adds to its API calls on the shopper's behalf: the shopper's address (so rate limits
/// and sign-in throttling count the shopper, not the UI process), the session's token, and a guest's
/// cart key; and what it keeps from the answer (a new guest cart's key, in an HttpOnly cookie).
/// </summary>
public sealed class ShopperHeadersTests
{
    [Fact]
    public async Task A_guests_call_carries_the_shoppers_address_and_cart_key_but_no_token()
    {
        var http = Browser("203.0.113.9");
        http.Request.Headers.Cookie = $"{WebAuth.CartCookieName}=guest-key-1";
        var (sent, _) = await SendAsync(http, new HttpResponseMessage(HttpStatusCode.OK));

        Assert.Equal("203.0.113.9", sent.Headers.GetValues("X-Forwarded-For").Single());
        Assert.Equal("guest-key-1", sent.Headers.GetValues("X-Cart-Key").Single());
        Assert.Null(sent.Headers.Authorization);
    }

    [Fact]
    public async Task A_signed_in_call_carries_the_token_and_never_the_guest_key()
    {
        var http = Browser("2001:db8::7");
        http.Request.Headers.Cookie = $"{WebAuth.CartCookieName}=guest-key-1";
        http.Items[WebAuth.AccessTokenItem] = "token-abc";
        var (sent, _) = await SendAsync(http, new HttpResponseMessage(HttpStatusCode.OK));

        Assert.Equal("Bearer token-abc", sent.Headers.Authorization!.ToString());
        Assert.False(sent.Headers.Contains("X-Cart-Key"));
        Assert.Equal("2001:db8::7", sent.Headers.GetValues("X-Forwarded-For").Single());
    }

    [Fact]
    public async Task A_forwarded_header_from_the_browser_is_replaced_by_the_address_the_server_saw()
    {
        var http = Browser("198.51.100.4");
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://api.test/api/v1/products");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "10.0.0.1");
        var (sent, _) = await SendAsync(http, new HttpResponseMessage(HttpStatusCode.OK), request);

        Assert.Equal("198.51.100.4", sent.Headers.GetValues("X-Forwarded-For").Single());
    }

    [Fact]
    public async Task A_new_guest_carts_key_is_kept_in_an_http_only_cookie()
    {
        var http = Browser("203.0.113.9");
        var answer = new HttpResponseMessage(HttpStatusCode.Created);
        answer.Headers.TryAddWithoutValidation("X-Cart-Key", "new-key-2");
        await SendAsync(http, answer);

        var cookie = http.Response.Headers.SetCookie.ToString();
        Assert.Contains($"{WebAuth.CartCookieName}=new-key-2", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static DefaultHttpContext Browser(string address)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return http;
    }

    private static async Task<(HttpRequestMessage Sent, HttpResponseMessage Answer)> SendAsync(
        HttpContext http, HttpResponseMessage answer, HttpRequestMessage? request = null)
    {
        var inner = new Recorder(answer);
        using var handler = new ShopperHeadersHandler(new HttpContextAccessor { HttpContext = http }) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);
        request ??= new HttpRequestMessage(HttpMethod.Post, "http://api.test/api/v1/cart/items");
        var response = await invoker.SendAsync(request, TestContext.Current.CancellationToken);
        return (inner.Sent!, response);
    }

    private sealed class Recorder(HttpResponseMessage answer) : HttpMessageHandler
    {
        public HttpRequestMessage? Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent = request;
            return Task.FromResult(answer);
        }
    }
}
