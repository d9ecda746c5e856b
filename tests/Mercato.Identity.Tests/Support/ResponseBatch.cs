namespace Mercato.Identity.Tests.Support;

/// <summary>Answers to requests sent all at once (race tests), disposed together.</summary>
public sealed class ResponseBatch : IDisposable
{
    private ResponseBatch(HttpResponseMessage[] responses) => Responses = responses;

    /// <summary>The answers, in the order the requests were made.</summary>
    public IReadOnlyList<HttpResponseMessage> Responses { get; }

    /// <summary>Starts <paramref name="count"/> requests without waiting between them and collects every answer.</summary>
    public static async Task<ResponseBatch> SendAsync(int count, Func<int, Task<HttpResponseMessage>> send)
        => new(await Task.WhenAll(Enumerable.Range(0, count).Select(send)));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var response in Responses)
        {
            response.Dispose();
        }
    }
}
