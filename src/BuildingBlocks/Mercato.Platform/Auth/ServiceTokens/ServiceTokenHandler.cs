using System.Net;
using System.Net.Http.Headers;

namespace Mercato.Platform.Auth.ServiceTokens;

/// <summary>
/// Puts this service's token on every call of the HttpClient it is added to. When the callee
/// answers 401 (the token was revoked or its key rotated away), the cached token is dropped and
/// a request without a body is sent once more with a new one.
/// </summary>
public sealed class ServiceTokenHandler(ServiceTokenProvider tokens) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        tokens.Invalidate();
        if (request.Content is not null)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
