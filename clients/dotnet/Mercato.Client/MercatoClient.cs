using Mercato.Client.Auth;
using Mercato.Client.Errors;
using Mercato.Client.Generated;
using Mercato.Client.Generated.Api.V1;
using Mercato.Client.Headers;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Bundle;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Mercato.Client;

/// <summary>
/// A client of the Mercato API: the Kiota-generated request builders (<see cref="V1"/>, e.g.
/// <c>client.V1.Products.GetAsync()</c>) over one <see cref="HttpClient"/> whose pipeline signs
/// requests in and refreshes the token, adds idempotency keys, carries the guest's cart key, retries
/// 429/503 answers after <c>Retry-After</c>, and throws <see cref="MercatoApiException"/> for every
/// error answer.
/// </summary>
public sealed class MercatoClient : IDisposable
{
    private readonly TokenSession _session;
    private readonly BearerTokenHandler _bearer;
    private string? _cartKey;

    /// <summary>Creates a client of the server at <paramref name="baseUrl"/> with the default settings.</summary>
    /// <param name="baseUrl">E.g. <c>http://localhost:5000</c>.</param>
    public MercatoClient(Uri baseUrl)
        : this(new MercatoClientOptions { BaseUrl = baseUrl })
    {
    }

    /// <summary>Creates a client with <paramref name="options"/>.</summary>
    /// <param name="options">The settings.</param>
    public MercatoClient(MercatoClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = new Uri(options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/");
        _session = new TokenSession(baseUrl, options.TimeProvider);

        // Outermost first: errors are read last, after Kiota's retries and the token refresh.
        List<DelegatingHandler> handlers = [new ErrorEnvelopeHandler()];
        if (options.AutomaticIdempotencyKeys)
        {
            handlers.Add(new IdempotencyKeyHandler());
        }

        handlers.AddRange(KiotaClientFactory.CreateDefaultHandlers());
        _bearer = new BearerTokenHandler(_session, options);
        handlers.Add(_bearer);
        handlers.Add(new CartKeyHandler(this));
        var pipeline = KiotaClientFactory.ChainHandlersCollectionAndGetFirstLink(
            options.PrimaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            [.. handlers])!;
        HttpClient = new HttpClient(pipeline, disposeHandler: true) { BaseAddress = baseUrl, Timeout = options.Timeout };

        var adapter = new DefaultRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: HttpClient)
        {
            BaseUrl = baseUrl.AbsoluteUri.TrimEnd('/'),
        };
        Api = new MercatoApiClient(adapter);
    }

    /// <summary>The generated client (its root: <c>Api.Api.V1</c>); <see cref="V1"/> is the usual entry.</summary>
    public MercatoApiClient Api { get; }

    /// <summary>The API's version 1 (<c>/api/v1</c>): <c>V1.Products</c>, <c>V1.Cart</c>, <c>V1.Orders</c>, ...</summary>
    public V1RequestBuilder V1 => Api.Api.V1;

    /// <summary>The HTTP client with the whole pipeline, for calls the generated code does not cover.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>
    /// The guest's cart key: kept from the first cart write of a guest and sent as <c>X-Cart-Key</c>
    /// on later requests while not signed in; set it to resume a guest cart, or null to forget it.
    /// </summary>
    public string? CartKey
    {
        get => Volatile.Read(ref _cartKey);
        set => Volatile.Write(ref _cartKey, value);
    }

    /// <summary>The signed-in session's tokens, or null when signed out (keep them to resume a session with <see cref="UseTokens"/>).</summary>
    public TokenPair? Tokens => _session.Tokens;

    /// <summary>Whether the client is signed in.</summary>
    public bool IsSignedIn => _session.Tokens is not null;

    /// <summary>Signs in; later calls carry the access token, refreshed as needed.</summary>
    /// <param name="login">E-mail address (or user name).</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session's tokens.</returns>
    /// <exception cref="MercatoApiException">The server refused (401 <c>UNAUTHORIZED</c>, 429 while throttled, ...).</exception>
    public Task<TokenPair> SignInAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        ArgumentNullException.ThrowIfNull(password);
        return _session.SignInAsync(HttpClient, login, password, cancellationToken);
    }

    /// <summary>Refreshes the access token now (single-use refresh token: the answer carries the next one).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new tokens, or null when the session could not be refreshed (then the client is signed out).</returns>
    public Task<TokenPair?> RefreshAsync(CancellationToken cancellationToken = default) =>
        _bearer.RefreshNowAsync(cancellationToken);

    /// <summary>Uses tokens kept from an earlier session (or signs out locally with null).</summary>
    /// <param name="tokens">The tokens.</param>
    public void UseTokens(TokenPair? tokens) => _session.Set(tokens);

    /// <summary>Forgets the tokens locally (call <c>V1.Auth.Logout</c> first to revoke the session on the server).</summary>
    public void SignOut() => _session.Set(null);

    /// <inheritdoc />
    public void Dispose()
    {
        HttpClient.Dispose();
        _session.Dispose();
    }
}
