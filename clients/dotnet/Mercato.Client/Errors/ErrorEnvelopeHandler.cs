namespace Mercato.Client.Errors;

/// <summary>
/// Turns every 4xx and 5xx answer into a <see cref="MercatoApiException"/> read from the error
/// envelope, so generated calls and hand-written ones fail the same way. The outermost handler of
/// the pipeline: retries (429/503 with <c>Retry-After</c>) and token refresh happen inside it first.
/// </summary>
internal sealed class ErrorEnvelopeHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode < 400)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorEnvelope.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
