using Mercato.Payments.Checkout;
using Mercato.Payments.Completion;
using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Payments;

/// <summary>Reading payments (seed 004): one by id (its owner or an administrator), all of them (administrators), and the browser's return after a challenge.</summary>
internal static class PaymentsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(PaymentsModule.Descriptor).MapGroup("/api/v1/payments").WithTags("Payments");
        group.MapGet("/{id:guid}", GetAsync).AllowAnonymous().AcceptsGuestCartKey(required: false).WithName("GetPayment")
            .WithSummary("A payment with its refunds (its owner or an administrator; administrators also see the transaction ledger)");
        group.MapGet("/", ListAsync).RequireAdmin().WithName("ListPayments")
            .WithSummary("Every payment, newest first, paged; filters status, orderId, from, to, gateway (administrators)");
        group.MapGet("/{id:guid}/return", ReturnAsync).AllowAnonymous().WithName("ReturnFromChallenge")
            .WithSummary("Where the gateway sends the browser back after a challenge: completes the payment from the gateway's record and redirects (303) to the returnUrl or cancelUrl given to process");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PaymentResponse>>, ApiErrorResult>> GetAsync(
        Guid id, HttpContext context, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var (caller, error) = PaymentCaller.From(context);
        if (caller is null)
        {
            return error!;
        }

        var payment = await db.Payments.AsNoTracking().AsSplitQuery().Include(p => p.Refunds).Include(p => p.Transactions)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return payment is null || !caller.Owns(payment.UserId, payment.GuestKeyHash)
            ? ApiResults.NotFound("Payment not found")
            : ApiResults.Ok(PaymentResponse.From(payment, caller.IsAdmin));
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<PaymentResponse>>>, ApiErrorResult>> ListAsync(
        [AsParameters] PaymentListQuery query, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? PageRules.DefaultPageSize;
        var payments = query.Apply(db.Payments.AsNoTracking());
        var total = await payments.LongCountAsync(cancellationToken);
        var page = await payments.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .AsSplitQuery().Include(p => p.Refunds).Include(p => p.Transactions)
            .ToListAsync(cancellationToken);
        return ApiResults.Ok(new PagedResult<PaymentResponse>([.. page.Select(p => PaymentResponse.From(p, withLedger: true))], pageNumber, pageSize, total));
    }

    private static async Task<IResult> ReturnAsync(
        Guid id, HttpContext context, PaymentsDbContext db, PaymentGateways gateways, PaymentCompletion completion, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (payment is null)
        {
            return ApiResults.NotFound("Payment not found");
        }

        if (payment.GatewayPaymentId is { } chargeId && await gateways.Get(payment.Gateway).GetChargeAsync(chargeId, cancellationToken) is { } charge)
        {
            payment = await completion.ApplyAsync(payment.Id, charge, null, cancellationToken) ?? payment;
        }

        return ReturnOutcome.Of(payment).Answer(context, payment.ReturnUrl, payment.CancelUrl, payment.CancelUrl);
    }
}
