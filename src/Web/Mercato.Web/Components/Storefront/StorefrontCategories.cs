using Mercato.Web.Api;
using Microsoft.Extensions.Options;

namespace Mercato.Web.Components.Storefront;

/// <summary>
/// The category tree the storefront's navigation and filters show, kept for
/// <see cref="WebOptions.CategoryCacheDuration"/> and shared by every shopper: every list page
/// would otherwise ask the API for the same tree again. A page that names a category the kept
/// tree lacks (one just created) asks the API again at once, so a new category is never missing;
/// renames and product counts show within the duration. The dashboard always asks the API.
/// </summary>
/// <param name="time">The clock.</param>
/// <param name="options">The duration.</param>
public sealed class StorefrontCategories(TimeProvider time, IOptions<WebOptions> options)
{
    private volatile Snapshot? _kept;

    /// <summary>The tree (the API's answer when it failed, with no data), fresh when <paramref name="mustHold"/> is a slug the kept one lacks.</summary>
    public async Task<ApiResult<List<CategoryNode>>> GetAsync(ShopApi api, string? mustHold, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_kept is { } kept && kept.Until > now && (string.IsNullOrEmpty(mustHold) || Holds(kept.Answer.Data!, mustHold)))
        {
            return kept.Answer;
        }

        var answer = await api.GetAsync<List<CategoryNode>>("api/v1/categories", cancellationToken);
        if (answer.Ok && answer.Data is not null && options.Value.CategoryCacheDuration > TimeSpan.Zero)
        {
            _kept = new Snapshot(answer, now + options.Value.CategoryCacheDuration);
        }

        return answer;
    }

    private static bool Holds(IEnumerable<CategoryNode> nodes, string slug) =>
        nodes.Any(n => string.Equals(n.Slug, slug, StringComparison.OrdinalIgnoreCase) || Holds(n.Children, slug));

    private sealed record Snapshot(ApiResult<List<CategoryNode>> Answer, DateTimeOffset Until);
}
