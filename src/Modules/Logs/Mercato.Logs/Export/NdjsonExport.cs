using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mercato.Logs.Export;

/// <summary>A streamed export as JSON lines (<c>application/x-ndjson</c>): one JSON object per line, written as the rows are read.</summary>
internal static class NdjsonExport
{
    /// <summary>The media type.</summary>
    public const string ContentType = "application/x-ndjson";

    private const int FlushEvery = 200;

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    /// <summary>Streams <paramref name="rows"/>, each mapped by <paramref name="map"/>, as JSON lines named <paramref name="fileName"/>.</summary>
    public static PushStreamHttpResult Of<TRow, TLine>(IAsyncEnumerable<TRow> rows, Func<TRow, TLine> map, JsonSerializerOptions json, string fileName)
        => TypedResults.Stream(
            async stream =>
            {
                var written = 0;
                await foreach (var row in rows)
                {
                    await JsonSerializer.SerializeAsync(stream, map(row), json);
                    await stream.WriteAsync(NewLine);
                    if (++written % FlushEvery == 0)
                    {
                        await stream.FlushAsync();
                    }
                }
            },
            ContentType,
            fileName);
}
