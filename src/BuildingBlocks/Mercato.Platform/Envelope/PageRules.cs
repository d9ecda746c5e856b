namespace Mercato.Platform.Envelope;

/// <summary>The checks every paginated list applies to <c>pageNumber</c> and <c>pageSize</c>.</summary>
public static class PageRules
{
    /// <summary>The default page size.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// The highest page number: with <see cref="MaxPageSize"/> it reaches ten million rows deep,
    /// and the offset it makes still fits an <see cref="int"/>.
    /// </summary>
    public const int MaxPageNumber = 100_000;

    /// <summary>Adds an error naming each bad paging value to <paramref name="errors"/>.</summary>
    public static void Check(int? pageNumber, int? pageSize, List<ApiError> errors)
    {
        if (pageNumber is < 1 or > MaxPageNumber)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"pageNumber must be between 1 and {MaxPageNumber}", "pageNumber"));
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"pageSize must be between 1 and {MaxPageSize}", "pageSize"));
        }
    }
}
