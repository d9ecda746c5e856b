using System.Net;
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

    /// <summary>
    /// Calls Stripe: an answer, or Stripe's refusal as a <see cref="StripeException"/> (a card
    /// error, an invalid request); no usable answer becomes <see cref="StripeUnavailableException"/>.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<IStripeClient, Task<T>> call)
    {
        try
        {
            return await call(Client);
        }
        catch (Exception ex) when (Unavailable(ex))
        {
            throw Wrap(ex);
        }
    }

    /// <summary>Whether <paramref name="exception"/> means Stripe gave no usable answer.</summary>
    public static bool Unavailable(Exception exception) => exception switch
    {
        StripeException stripe => stripe.StripeError is null
            || stripe.StripeError.Type is "api_error" or "authentication_error"
            || (int)stripe.HttpStatusCode >= 500
            || stripe.HttpStatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized,
        HttpRequestException or TimeoutException or TaskCanceledException => true,
        _ => false,
    };

    /// <summary>The <see cref="StripeUnavailableException"/> for a failure <see cref="Unavailable"/> accepts.</summary>
    public static StripeUnavailableException Wrap(Exception exception)
        => new(exception is StripeException stripe && (int)stripe.HttpStatusCode != 0 ? stripe.HttpStatusCode : null, exception);

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
