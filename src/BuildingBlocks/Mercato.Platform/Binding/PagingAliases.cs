using System.Globalization;
using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Mercato.Platform.Binding;

/// <summary>
/// Seed 001's <c>limit</c>/<c>offset</c> on every paged list (an endpoint that binds
/// <c>pageSize</c>): <c>limit</c> is <c>pageSize</c>; <c>offset</c> becomes the page it starts,
/// which exists only when it is a multiple of the page size. Anything that cannot be honoured
/// exactly answers 400 rather than a page the client did not ask for.
/// </summary>
public static class PagingAliases
{
    /// <summary>The code of an offset that does not start a page.</summary>
    public const string OffsetNotPageAligned = "OFFSET_NOT_PAGE_ALIGNED";

    private const string Limit = "limit";
    private const string Offset = "offset";
    private const string PageSize = "pageSize";
    private const string PageNumber = "pageNumber";

    /// <summary>
    /// Rewrites <c>limit</c>/<c>offset</c> in <paramref name="query"/> to <c>pageSize</c>/<c>pageNumber</c>;
    /// adds an error per value that cannot be honoured.
    /// </summary>
    public static Dictionary<string, StringValues> Apply(IQueryCollection query, List<ApiError> errors)
    {
        var result = query.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var limit = ReadInt(result, Limit, errors);
        var offset = ReadInt(result, Offset, errors);
        var pageSize = ReadInt(result, PageSize, null);
        if (limit is { } l)
        {
            if (l is < 1 or > PageRules.MaxPageSize)
            {
                errors.Add(new ApiError(ErrorCodes.ValidationError, $"limit must be between 1 and {PageRules.MaxPageSize}", Limit));
                return result;
            }

            if (pageSize is { } size && size != l)
            {
                errors.Add(new ApiError(ErrorCodes.ValidationError, "limit and pageSize disagree; send one of them", Limit));
                return result;
            }

            result.Remove(Limit);
            result[PageSize] = l.ToString(CultureInfo.InvariantCulture);
            pageSize = l;
        }

        if (offset is not { } o)
        {
            return result;
        }

        if (o < 0)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "offset must be 0 or more", Offset));
            return result;
        }

        if (o > 0 && pageSize is null)
        {
            errors.Add(new ApiError(OffsetNotPageAligned, "Send limit (or pageSize) with offset, so the offset can be turned into a page", Offset));
            return result;
        }

        var perPage = pageSize ?? 1;
        if (perPage < 1 || o % perPage != 0)
        {
            errors.Add(new ApiError(OffsetNotPageAligned, $"offset must be a multiple of limit ({perPage}): pages start at 0, {perPage}, {perPage * 2}, ...", Offset));
            return result;
        }

        var page = (o / perPage) + 1;
        if (ReadInt(result, PageNumber, null) is { } sent && sent != page)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "offset and pageNumber disagree; send one of them", Offset));
            return result;
        }

        result.Remove(Offset);
        result[PageNumber] = page.ToString(CultureInfo.InvariantCulture);
        return result;
    }

    /// <summary>Whether the query names <c>limit</c> or <c>offset</c>.</summary>
    public static bool Present(IQueryCollection query) => query.ContainsKey(Limit) || query.ContainsKey(Offset);

    private static int? ReadInt(Dictionary<string, StringValues> query, string name, List<ApiError>? errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count == 1 && int.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors?.Add(new ApiError(ErrorCodes.InvalidFormat, $"{name} must be one whole number", name));
        return null;
    }
}
