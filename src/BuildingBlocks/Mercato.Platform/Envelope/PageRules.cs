namespace Mercato.Platform.Envelope;

/// <summary>The checks every paginated list applies to <c>pageNumber</c> and <c>pageSize</c>.</summary>
public static class PageRules
{
    /// <summary>The default page size.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Adds an error naming each bad paging value to <paramref name="errors"/>.</summary>
    public static void Check(int? pageNumber, int? pageSize, List<ApiError> errors)
    {
        if (pageNumber is < 1)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "pageNumber must be 1 or more", "pageNumber"));
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"pageSize must be between 1 and {MaxPageSize}", "pageSize"));
        }
    }
}
