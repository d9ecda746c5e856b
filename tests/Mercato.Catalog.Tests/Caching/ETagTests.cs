using System.Text.Json;
using Mercato.Catalog.Caching;
using Mercato.Platform.Envelope;

namespace Mercato.Catalog.Tests.Caching;

/// <summary>The ETag is a hash of the envelope's JSON bytes without the envelope's own timestamp.</summary>
public sealed class ETagTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Answers_differing_only_in_the_envelope_timestamp_share_an_etag()
    {
        var first = Json(new ApiResponse<object> { Data = Item("lamp", 10m, At(1)), Message = "ok", Timestamp = At(1) });
        var second = Json(new ApiResponse<object> { Data = Item("lamp", 10m, At(1)), Message = "ok", Timestamp = At(2) });

        Assert.NotEqual(first, second);
        Assert.Equal(ConditionalGet.ETagOfJson(first), ConditionalGet.ETagOfJson(second));
        Assert.StartsWith("W/\"", ConditionalGet.ETagOfJson(first), StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_in_the_data_or_the_message_changes_the_etag()
    {
        var original = ConditionalGet.ETagOfJson(Json(new ApiResponse<object> { Data = Item("lamp", 10m, At(1)), Message = "ok", Timestamp = At(1) }));

        Assert.NotEqual(original, ConditionalGet.ETagOfJson(Json(new ApiResponse<object> { Data = Item("lamp", 11m, At(1)), Message = "ok", Timestamp = At(1) })));
        Assert.NotEqual(original, ConditionalGet.ETagOfJson(Json(new ApiResponse<object> { Data = Item("lamp", 10m, At(1)), Message = "changed", Timestamp = At(1) })));
    }

    [Fact]
    public void A_timestamp_inside_the_data_is_part_of_the_etag()
    {
        var before = ConditionalGet.ETagOfJson(Json(new ApiResponse<object> { Data = Item("lamp", 10m, At(1)), Timestamp = At(1) }));
        var after = ConditionalGet.ETagOfJson(Json(new ApiResponse<object> { Data = Item("lamp", 10m, At(2)), Timestamp = At(1) }));

        Assert.NotEqual(before, after);
    }

    private static byte[] Json(ApiResponse<object> envelope) => JsonSerializer.SerializeToUtf8Bytes(envelope, Web);

    /// <summary>A payload with its own member named <c>timestamp</c>.</summary>
    private static object Item(string name, decimal price, DateTimeOffset timestamp) => new { name, price, timestamp };

    private static DateTimeOffset At(int minute) => new(2026, 11, 24, 0, minute, 0, TimeSpan.Zero);
}
