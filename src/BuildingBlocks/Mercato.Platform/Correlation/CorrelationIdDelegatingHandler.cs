namespace Mercato.Platform.Correlation;

/// <summary>Adds the current correlation id to every outgoing HTTP call made through HttpClientFactory.</summary>
public sealed class CorrelationIdDelegatingHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CorrelationContext.CurrentId is { } id && !request.Headers.Contains(CorrelationContext.HeaderName))
        {
            request.Headers.TryAddWithoutValidation(CorrelationContext.HeaderName, id);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
