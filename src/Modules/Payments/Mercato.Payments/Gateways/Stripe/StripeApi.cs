using Microsoft.Extensions.Options;
using Stripe;

namespace Mercato.Payments.Gateways.Stripe;

/// <summary>The Stripe.net client of one scope: the account's key, Stripe's API (or <c>Payments:Stripe:ApiBase</c>) and an HttpClient from the factory.</summary>
internal sealed class StripeApi(IHttpClientFactory httpClients, IOptions<PaymentsOptions> options)
{
    /// <summary>The named HttpClient Stripe.net sends through.</summary>
    public const string HttpClientName = "payments-stripe";

    private IStripeClient? _client;

    /// <summary>The client.</summary>
    public IStripeClient Client => _client ??= Create();

    private StripeClient Create()
    {
        var settings = options.Value.Stripe;
        var apiBase = settings.ApiBase.TrimEnd('/');
        return new StripeClient(
            settings.SecretKey,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), maxNetworkRetries: 2, enableTelemetry: false),
            apiBase: apiBase,
            connectBase: apiBase,
            filesBase: apiBase);
    }
}
