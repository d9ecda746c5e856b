using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Auth.ServiceTokens;

/// <summary>
/// Gets service tokens with the client-credentials grant and caches each until shortly before it
/// expires. One request at a time refreshes; concurrent callers wait for it.
/// </summary>
public sealed partial class ServiceTokenProvider(
    IHttpClientFactory clients,
    IOptions<ServiceClientCredentials> credentials,
    IOptions<AuthOptions> auth,
    TimeProvider time,
    ILogger<ServiceTokenProvider> logger) : IDisposable
{
    /// <summary>The named HttpClient used to reach the token endpoint.</summary>
    public const string HttpClientName = "mercato-service-tokens";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _cached;

    /// <summary>A valid service token, from the cache or freshly issued.</summary>
    /// <exception cref="InvalidOperationException">No credentials are configured.</exception>
    /// <exception cref="HttpRequestException">Identity refused the credentials or could not be reached.</exception>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } current && current.IsFreshAt(time.GetUtcNow()))
        {
            return current.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && again.IsFreshAt(time.GetUtcNow()))
            {
                return again.Token;
            }

            _cached = await RequestAsync(cancellationToken);
            return _cached.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the cached token (e.g. after a 401), so the next call gets a new one.</summary>
    public void Invalidate() => _cached = null;

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var options = credentials.Value;
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException(
                $"{ServiceClientCredentials.Section}:ClientId and ClientSecret must be set to call service-only endpoints of other services.");
        }

        var endpoint = options.TokenEndpoint ?? auth.Value.Issuer.TrimEnd('/') + "/api/v1/auth/token";
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (options.Scopes.Length > 0)
        {
            fields["scope"] = string.Join(' ', options.Scopes);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(fields) };
        var basic = Uri.EscapeDataString(options.ClientId!) + ":" + Uri.EscapeDataString(options.ClientSecret!);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(basic)));

        var issuedAt = time.GetUtcNow();
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogRefused(logger, options.ClientId!, (int)response.StatusCode);
            throw new HttpRequestException(
                $"Identity refused service client '{options.ClientId}' ({(int)response.StatusCode})", null, response.StatusCode);
        }

        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new HttpRequestException("Identity's token endpoint answered an empty body");
        var refreshAt = issuedAt + TimeSpan.FromSeconds(body.ExpiresIn) - options.RefreshBeforeExpiry;
        return new CachedToken(body.AccessToken, refreshAt);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Identity refused service client {ClientId} with status {Status}")]
    private static partial void LogRefused(ILogger logger, string clientId, int status);

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt)
    {
        public bool IsFreshAt(DateTimeOffset now) => now < RefreshAt;
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
