using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;

namespace Mercato.Logs.Export;

/// <summary>Query of the exports: the time range, both bounds required.</summary>
internal sealed class ExportQuery
{
    /// <summary>From this instant (UTC, inclusive).</summary>
    public DateTime? From { get; init; }

    /// <summary>To this instant (UTC, exclusive).</summary>
    public DateTime? To { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        TimeRange.Check(From, To, errors, required: true);
        return errors;
    }

    /// <summary>The range's start in UTC.</summary>
    public DateTime FromUtc => From!.Value.ToUniversalTime();

    /// <summary>The range's end in UTC.</summary>
    public DateTime ToUtc => To!.Value.ToUniversalTime();

    /// <summary>A file name for the range.</summary>
    public string FileName(string what) => $"mercato-{what}-{FromUtc:yyyyMMddTHHmmssZ}-{ToUtc:yyyyMMddTHHmmssZ}.ndjson";
}
