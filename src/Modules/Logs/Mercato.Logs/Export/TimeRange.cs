using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;

namespace Mercato.Logs.Export;

/// <summary>The checks of a <c>from</c> / <c>to</c> pair.</summary>
internal static class TimeRange
{
    /// <summary>Adds an error when <paramref name="from"/> is after <paramref name="to"/>, or when a required bound is missing.</summary>
    public static void Check(DateTime? from, DateTime? to, List<ApiError> errors, bool required = false)
    {
        if (required && from is null)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "from is required (an ISO 8601 UTC time)", "from"));
        }

        if (required && to is null)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "to is required (an ISO 8601 UTC time)", "to"));
        }

        if (from is { } f && to is { } t && f.ToUniversalTime() > t.ToUniversalTime())
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "from must not be after to", "from"));
        }
    }
}
