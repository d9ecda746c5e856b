namespace Mercato.Client;

/// <summary>Settings of a <see cref="MercatoClient"/>.</summary>
public sealed class MercatoClientOptions
{
    /// <summary>The server's (or gateway's) base URL, e.g. <c>http://localhost:5000</c>; the API lives under <c>/api/v1</c> there.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Whether to refresh the access token before it expires (default true); a 401 always triggers one refresh and a retry.</summary>
    public bool RefreshBeforeExpiry { get; init; } = true;

    /// <summary>How long before its expiry an access token is refreshed (default 30 seconds).</summary>
    public TimeSpan RefreshMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether creation POSTs that take an <c>Idempotency-Key</c> (orders, payments, refunds,
    /// captures) get a fresh key when the call sets none (default true).
    /// </summary>
    public bool AutomaticIdempotencyKeys { get; init; } = true;

    /// <summary>The handler that sends requests (default: a <see cref="SocketsHttpHandler"/>); tests may give their own.</summary>
    public HttpMessageHandler? PrimaryHandler { get; init; }

    /// <summary>The clock used for token expiry (default: the system clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long one call may take in all (default 100 seconds).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);
}
