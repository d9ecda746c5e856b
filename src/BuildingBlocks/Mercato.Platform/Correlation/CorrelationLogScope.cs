using System.Collections;

namespace Mercato.Platform.Correlation;

/// <summary>A log scope that structured loggers render as <c>CorrelationId: value</c>.</summary>
public sealed class CorrelationLogScope(string correlationId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The scope's property name.</summary>
    public const string PropertyName = "CorrelationId";

    /// <inheritdoc />
    public int Count => 1;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(PropertyName, correlationId) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"{PropertyName}:{correlationId}";
}
