using Mercato.Cart.Data;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.Carts;

/// <summary>
/// Runs a cart write again when a concurrent write to the same cart got in first (its version
/// changed, or two first writes raced to create the same user's cart or line): the attempt
/// reloads and re-decides from the fresh state, so no change is lost and no limit is passed. Each
/// round lets at least one writer through, so N writers racing on one cart need at most N rounds.
/// </summary>
internal static class ConcurrentWrites
{
    private const int Attempts = 40;

    /// <summary>Runs <paramref name="attempt"/> until it saves without a conflict (at most 40 times, with a growing random pause; then 409).</summary>
    public static async Task<TResult> RetryAsync<TResult>(CartDbContext db, Func<Task<TResult>> attempt, Func<ApiErrorResult, TResult> conflict)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateException) when (i < Attempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, Math.Min(10 * i, 200)));
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return conflict(ApiResults.Conflict(ErrorCodes.Conflict, "The cart was changed by another request at the same time; try again"));
            }
        }
    }
}
