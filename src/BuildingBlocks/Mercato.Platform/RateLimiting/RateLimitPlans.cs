namespace Mercato.Platform.RateLimiting;

/// <summary>
/// The plans of seed 004 (<c>RateLimiting:Plans</c>), plus one for service tokens. A request gets
/// the plan of its caller: the highest role of a signed-in user (Admin, then Premium, then
/// Customer), <see cref="Service"/> for a service token, <see cref="AnonymousReads"/> for an
/// anonymous read of an endpoint marked <see cref="CacheableReadExtensions.CacheableRead{TBuilder}"/>,
/// and <see cref="Guest"/> otherwise.
/// </summary>
public sealed class RateLimitPlans
{
    /// <summary>Anonymous callers, counted per client IP: 100 an hour, burst 10.</summary>
    public RateLimitPlan Guest { get; set; } = RateLimitPlan.Of(100, 10);

    /// <summary>Signed-in customers, counted per user: 1000 an hour, burst 50.</summary>
    public RateLimitPlan Customer { get; set; } = RateLimitPlan.Of(1000, 50);

    /// <summary>Premium customers, counted per user: 5000 an hour, burst 100.</summary>
    public RateLimitPlan Premium { get; set; } = RateLimitPlan.Of(5000, 100);

    /// <summary>Administrators, counted per user: 10000 an hour, burst 200.</summary>
    public RateLimitPlan Admin { get; set; } = RateLimitPlan.Of(10000, 200);

    /// <summary>
    /// Service tokens (a <c>client_id</c> and no role), counted per client: 100000 an hour, burst
    /// 1000. Not in the seed: services call each other on behalf of many users at once.
    /// </summary>
    public RateLimitPlan Service { get; set; } = RateLimitPlan.Of(100_000, 1000);

    /// <summary>
    /// Anonymous <c>GET</c>/<c>HEAD</c> of cacheable reads (catalog, media, API documents), counted
    /// per client IP apart from the Guest budget: 300 a minute, burst 150. Not in the seed: one
    /// product list page with its 20 pictures already needs 23 requests, more than the Guest burst;
    /// a burst of 150 lets a shopper open six such pages at once (120 quick reads never meet a 429),
    /// and the bucket then refills at 5 a second.
    /// </summary>
    public RateLimitPlan AnonymousReads { get; set; } = RateLimitPlan.Of(300, 150, TimeSpan.FromMinutes(1));

    /// <summary>Every plan with its name.</summary>
    internal IEnumerable<(string Name, RateLimitPlan Plan)> All() =>
    [
        (nameof(Guest), Guest), (nameof(Customer), Customer), (nameof(Premium), Premium),
        (nameof(Admin), Admin), (nameof(Service), Service), (nameof(AnonymousReads), AnonymousReads),
    ];
}
