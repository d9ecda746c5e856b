using System.Net;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;

namespace Mercato.Payments.Tests.Checkout;

/// <summary>
/// What <c>/openapi/v1.json</c> says of the optional bodies of opening a checkout session and of a
/// capture, checked against the server: no field is required, and an order that does not exist is
/// the 404 the document lists.
/// </summary>
public sealed class OptionalBodyDocumentTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Checkout_and_capture_bodies_require_no_field_and_an_unknown_order_is_a_published_404()
    {
        using var response = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await response.ReadJsonAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "CheckoutSessionRequest", "CaptureRequest" })
        {
            Assert.False(schemas.GetProperty(name).TryGetProperty("required", out var required), $"{name} requires {required}");
        }

        var (_, _, customer) = await _client.RegisterCustomerAsync();
        foreach (var path in new[] { "/api/v1/payments/checkout-sessions", "/api/v1/payments/create-checkout-session" })
        {
            // Only the order named: the URLs and the gateway left out pass, and the order is looked up.
            using var unknown = await _client.CallAsync(HttpMethod.Post, path, customer, new { orderId = Guid.NewGuid() });
            await unknown.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
            var statuses = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses").EnumerateObject().Select(r => r.Name);
            Assert.Contains("404", statuses);
        }

        using var capture = await _client.CallAsync(HttpMethod.Post, $"/api/v1/payments/{Guid.NewGuid()}/capture", await _client.AdminTokenAsync(), new { });
        await capture.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
