using Mercato.Ordering.Orders;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Mercato.Ordering.Invoices;

/// <summary>
/// <c>GET /api/v1/orders/{id}/invoice</c>: the order's invoice as a PDF download named after the
/// order number, for whoever may read the order (owner, guest with its cart key, administrator);
/// anyone else gets 404, as for an unknown order.
/// </summary>
internal static class InvoiceApi
{
    /// <summary>The invoice's media type.</summary>
    public const string PdfContentType = "application/pdf";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapInvoiceApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(OrderingModule.Descriptor)
            .MapGroup("/api/v1/orders")
            .WithTags("Orders")
            .MapGet("/{id:guid}/invoice", GetAsync)
            .AllowAnonymous()
            .AcceptsGuestCartKey(required: true)
            .Produces(StatusCodes.Status200OK, contentType: PdfContentType)
            .WithName("GetOrderInvoice")
            .WithSummary("The order's invoice as a PDF (owner, guest with its cart key, or administrator)");
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, ApiErrorResult>> GetAsync(
        Guid id, HttpContext context, OrderAccess access, IOptions<OrderingOptions> options, CancellationToken cancellationToken)
    {
        var (caller, error) = OrderCaller.From(context);
        if (error is not null)
        {
            return error;
        }

        var order = await access.FindAsync(caller!, id, cancellationToken);
        if (order is null)
        {
            return OrdersApi.NotFound();
        }

        var pdf = new InvoiceDocument(options).Render(order);
        return TypedResults.File(pdf, PdfContentType, $"{order.Number}.pdf");
    }
}
