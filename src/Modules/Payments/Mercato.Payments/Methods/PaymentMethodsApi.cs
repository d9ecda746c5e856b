using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Payments.Methods;

/// <summary>A customer's saved cards (seed 004): add from a gateway token, list, delete; one default at most.</summary>
internal static class PaymentMethodsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapPaymentMethodsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(PaymentsModule.Descriptor).MapGroup("/api/v1/payments/methods").WithTags("Payment methods").AllowAnonymous();
        group.MapPost("/", AddAsync).WithName("AddPaymentMethod")
            .WithSummary("Saves a card from the gateway's token (tok_visa, ...); the first card, or one sent with isDefault, becomes the default")
            .Produces<ErrorResponse>(StatusCodes.Status401Unauthorized);
        group.MapGet("/", ListAsync).WithName("ListPaymentMethods").WithSummary("The caller's saved cards, the default first")
            .Produces<ErrorResponse>(StatusCodes.Status401Unauthorized);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeletePaymentMethod")
            .WithSummary("Forgets a saved card, at the gateway too; the newest other card becomes the default if this one was")
            .Produces<ErrorResponse>(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<PaymentMethodResponse>>, ApiErrorResult>> AddAsync(
        AddPaymentMethodRequest request,
        HttpContext context,
        PaymentsDbContext db,
        PaymentGateways gateways,
        ConcurrentWrites writes,
        IOptions<PaymentsOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (caller, error) = PaymentCaller.From(context, allowGuest: false);
        if (caller is null)
        {
            return error!;
        }

        var gateway = gateways.Find(request.Gateway ?? options.Value.DefaultGateway);
        if (gateway is null)
        {
            return ApiResults.BadRequest("gateway", $"'Gateway' must be one of: {string.Join(", ", gateways.Names)}.");
        }

        SavedCard card;
        try
        {
            card = await gateway.SaveCardAsync(request.CardToken!, new CardOwner(caller.UserId!.Value, caller.Email), cancellationToken);
        }
        catch (GatewayRefusedException ex)
        {
            return ApiResults.BadRequest("cardToken", ex.Message, PaymentErrors.CardRefused);
        }

        var userId = caller.UserId!.Value;
        var method = await writes.RetryAsync(db, async () =>
        {
            var existing = await db.PaymentMethods.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
            var makeDefault = request.IsDefault == true || existing.All(m => !m.IsDefault);
            if (makeDefault)
            {
                foreach (var other in existing.Where(m => m.IsDefault))
                {
                    other.IsDefault = false;
                }

                // The old default loses its flag before the new one takes it (one default per customer is unique).
                await db.SaveChangesAsync(cancellationToken);
            }

            var saved = new PaymentMethod
            {
                Id = Guid.CreateVersion7(),
                UserId = userId,
                Gateway = gateway.Name,
                GatewayMethodId = card.MethodId,
                Brand = card.Brand,
                Last4 = card.Last4,
                ExpiryMonth = card.ExpiryMonth,
                ExpiryYear = card.ExpiryYear,
                Fingerprint = card.Fingerprint,
                IsDefault = makeDefault,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            db.PaymentMethods.Add(saved);
            await db.SaveChangesAsync(cancellationToken);
            return saved;
        }, cancellationToken);
        return ApiResults.Created($"/api/v1/payments/methods/{method.Id}", PaymentMethodResponse.From(method), "Payment method added");
    }

    private static async Task<Results<Ok<ApiResponse<IReadOnlyList<PaymentMethodResponse>>>, ApiErrorResult>> ListAsync(
        HttpContext context, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var (caller, error) = PaymentCaller.From(context, allowGuest: false);
        if (caller is null)
        {
            return error!;
        }

        var methods = await db.PaymentMethods.AsNoTracking().Where(m => m.UserId == caller.UserId)
            .OrderByDescending(m => m.IsDefault).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);
        return ApiResults.Ok<IReadOnlyList<PaymentMethodResponse>>([.. methods.Select(PaymentMethodResponse.From)]);
    }

    private static async Task<Results<NoContent, ApiErrorResult>> DeleteAsync(
        Guid id, HttpContext context, PaymentsDbContext db, PaymentGateways gateways, ConcurrentWrites writes, CancellationToken cancellationToken)
    {
        var (caller, error) = PaymentCaller.From(context, allowGuest: false);
        if (caller is null)
        {
            return error!;
        }

        var method = await db.PaymentMethods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.UserId == caller.UserId, cancellationToken);
        if (method is null)
        {
            return ApiResults.NotFound("Payment method not found");
        }

        if (gateways.Find(method.Gateway) is { } gateway)
        {
            await gateway.DeleteCardAsync(method.GatewayMethodId, cancellationToken);
        }

        await writes.RetryAsync(db, async () =>
        {
            var mine = await db.PaymentMethods.Where(m => m.UserId == caller.UserId).ToListAsync(cancellationToken);
            var gone = mine.FirstOrDefault(m => m.Id == id);
            if (gone is null)
            {
                return 0;
            }

            db.PaymentMethods.Remove(gone);
            await db.SaveChangesAsync(cancellationToken);
            if (gone.IsDefault && mine.Where(m => m.Id != id).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).FirstOrDefault() is { } next)
            {
                next.IsDefault = true;
                await db.SaveChangesAsync(cancellationToken);
            }

            return 1;
        }, cancellationToken);
        return TypedResults.NoContent();
    }
}
