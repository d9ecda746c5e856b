using Mercato.Cart.Data;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.Coupons;

/// <summary>
/// Administrators' coupons on <c>/api/v1/coupons</c>. Codes are unique in any case, also against
/// deleted coupons (a deleted coupon keeps its code so old orders stay unambiguous); the unique
/// index settles a race. Every write bumps <see cref="Coupon.Version"/>, the concurrency token.
/// The use count is never written here: it only moves through <see cref="CouponRedemptions"/>.
/// </summary>
internal static class CouponsAdminApi
{
    private const string Url = "/api/v1/coupons";

    /// <summary>Maps the admin coupon endpoints.</summary>
    public static IEndpointRouteBuilder MapCouponsAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CartModule.Descriptor).MapGroup(Url).WithTags("Coupons").RequireAdmin();
        group.MapPost("/", CreateAsync).WithName("CreateCoupon").WithSummary("Creates a coupon (Admin)");
        group.MapGet("/", ListAsync).WithName("ListCoupons").WithSummary("Lists coupons, newest first, filtered by active and code (Admin)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCoupon").WithSummary("One coupon (Admin)");
        group.MapPut("/{id:guid}", ReplaceAsync).WithName("ReplaceCoupon").WithSummary("Replaces a coupon; its use count is kept (Admin)");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteCoupon").WithSummary("Removes a coupon; its code stays reserved (soft delete, Admin)");
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<CouponResponse>>, ApiErrorResult>> CreateAsync(
        CouponRequest request, CartDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = Now(time);
        var coupon = new Coupon { Id = Guid.CreateVersion7(time.GetUtcNow()), CreatedAt = now };
        Apply(request, coupon, now);
        if (await DuplicateAsync(db, coupon, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        db.Coupons.Add(coupon);
        if (await SaveAsync(db, coupon, cancellationToken) is { } refused)
        {
            return refused;
        }

        return ApiResults.Created($"{Url}/{coupon.Id}", CouponResponse.From(coupon), "Coupon created successfully");
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<CouponResponse>>>, ApiErrorResult>> ListAsync(
        [AsParameters] CouponListQuery query, CartDbContext db, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? PageRules.DefaultPageSize;
        var coupons = db.Coupons.AsNoTracking().Where(c => !c.IsDeleted);
        if (query.Active is { } active)
        {
            coupons = coupons.Where(c => c.Active == active);
        }

        if (!string.IsNullOrWhiteSpace(query.Code))
        {
            var text = CouponCodes.Normalize(query.Code);
            coupons = coupons.Where(c => c.Code.Contains(text));
        }

        var total = await coupons.LongCountAsync(cancellationToken);
        var page = await coupons
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return ApiResults.Ok(new PagedResult<CouponResponse>([.. page.Select(CouponResponse.From)], pageNumber, pageSize, total));
    }

    private static async Task<Results<Ok<ApiResponse<CouponResponse>>, ApiErrorResult>> GetAsync(
        Guid id, CartDbContext db, CancellationToken cancellationToken)
    {
        var coupon = await db.Coupons.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && !c.IsDeleted, cancellationToken);
        return coupon is null ? NotFound(id) : ApiResults.Ok(CouponResponse.From(coupon));
    }

    private static async Task<Results<Ok<ApiResponse<CouponResponse>>, ApiErrorResult>> ReplaceAsync(
        Guid id, CouponRequest request, CartDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var coupon = await db.Coupons.SingleOrDefaultAsync(c => c.Id == id && !c.IsDeleted, cancellationToken);
        if (coupon is null)
        {
            return NotFound(id);
        }

        Apply(request, coupon, Now(time));
        var refused = UsedBeyond(coupon) ?? await DuplicateAsync(db, coupon, cancellationToken) ?? await SaveAsync(db, coupon, cancellationToken);
        return refused is null ? ApiResults.Ok(CouponResponse.From(coupon), "Coupon updated successfully") : refused;
    }

    private static async Task<Results<NoContent, ApiErrorResult>> DeleteAsync(
        Guid id, CartDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var coupon = await db.Coupons.SingleOrDefaultAsync(c => c.Id == id && !c.IsDeleted, cancellationToken);
        if (coupon is null)
        {
            return NotFound(id);
        }

        coupon.IsDeleted = true;
        coupon.Active = false;
        Stamp(coupon, Now(time));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConcurrentChange();
        }

        return TypedResults.NoContent();
    }

    /// <summary>Copies every field of the request onto the coupon (a replace: what is left out is reset).</summary>
    private static void Apply(CouponRequest request, Coupon coupon, DateTime now)
    {
        coupon.Code = CouponCodes.Normalize(request.Code!);
        coupon.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        coupon.Type = CouponTypeNames.Parse(request.DiscountType)!.Value;
        coupon.Value = request.DiscountValue!.Value;
        coupon.MinimumSubtotal = request.MinimumSubtotal;
        coupon.StartsAt = request.StartsAt?.UtcDateTime;
        coupon.EndsAt = request.EndsAt?.UtcDateTime;
        coupon.UsageLimit = request.UsageLimit;
        coupon.PerCustomerLimit = request.PerCustomerLimit;
        coupon.CategoryIds = [.. request.CategoryIds ?? []];
        coupon.Active = request.Active ?? true;
        Stamp(coupon, now);
    }

    /// <summary>The time in whole microseconds, as both databases store it, so an answer shows what a later read shows.</summary>
    private static DateTime Now(TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static void Stamp(Coupon coupon, DateTime now)
    {
        coupon.Version++;
        coupon.UpdatedAt = now;
    }

    /// <summary>A total limit below the uses already counted is refused: those orders are placed.</summary>
    private static ApiErrorResult? UsedBeyond(Coupon coupon)
        => coupon.UsageLimit is { } limit && limit < coupon.TimesRedeemed
            ? ApiResults.BadRequest("usageLimit", $"'Usage Limit' must be at least {coupon.TimesRedeemed}, the uses already counted.")
            : null;

    private static async Task<ApiErrorResult?> DuplicateAsync(CartDbContext db, Coupon coupon, CancellationToken cancellationToken)
        => await db.Coupons.AnyAsync(c => c.Code == coupon.Code && c.Id != coupon.Id, cancellationToken)
            ? ApiResults.Conflict(ErrorCodes.AlreadyExists, $"A coupon with code '{coupon.Code}' already exists", "code")
            : null;

    /// <summary>
    /// Saves; a lost race for the code is a 409 naming it, a use counted meanwhile that the new
    /// limit no longer covers a 400, a lost race for the row a 409 CONFLICT, anything else a real failure.
    /// </summary>
    private static async Task<ApiErrorResult?> SaveAsync(CartDbContext db, Coupon coupon, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConcurrentChange();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await DuplicateAsync(db, coupon, cancellationToken) is { } duplicate)
            {
                return duplicate;
            }

            var redeemed = await db.Coupons.Where(c => c.Id == coupon.Id).Select(c => (int?)c.TimesRedeemed).SingleOrDefaultAsync(cancellationToken);
            if (redeemed is { } count && UsedBeyond(new Coupon { UsageLimit = coupon.UsageLimit, TimesRedeemed = count }) is { } used)
            {
                return used;
            }

            throw;
        }
    }

    private static ApiErrorResult NotFound(Guid id) => ApiResults.NotFound($"Coupon '{id}' not found");

    private static ApiErrorResult ConcurrentChange()
        => ApiResults.Conflict(ErrorCodes.Conflict, "The coupon was changed by someone else at the same time; read it again and retry");
}
