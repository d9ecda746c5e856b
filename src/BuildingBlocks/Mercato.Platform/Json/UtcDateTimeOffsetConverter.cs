using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mercato.Platform.Json;

/// <summary>Writes every timestamp as UTC ISO 8601 with a <c>Z</c> suffix.</summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>
    /// The longest timestamp read: an ISO 8601 time with seven decimals and an offset is 33
    /// characters; longer text is refused rather than handed to the lenient parser.
    /// </summary>
    public const int MaxLength = 40;

    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || text.Length > MaxLength || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            // No message of its own: System.Text.Json then words it as a type mismatch with the
            // property's path, which the error envelope turns into a 400 naming the field.
            throw new JsonException();
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
