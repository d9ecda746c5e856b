using Mercato.Platform.RateLimiting;
using Mercato.Platform.Security;
using Mercato.Web.Api;
using Mercato.Web.Session;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Web.Components.Account;

/// <summary>
/// The shopper's invoice download: <c>GET /account/orders/{id}/invoice</c> streams what
/// <c>GET /api/v1/orders/{id}/invoice</c> answers for the signed-in shopper (the API decides who may
/// read it: another customer's order is 404 there, and here).
/// </summary>
internal static class InvoiceDownload
{
    /// <summary>Maps the endpoint (signed-in shoppers; anonymous browsers are sent to sign in).</summary>
    public static IEndpointConventionBuilder MapInvoiceDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/account/orders/{id:guid}/invoice", async (Guid id, ShopApi api, HttpContext http) =>
            {
                var file = await api.GetFileAsync($"api/v1/orders/{id}/invoice", http.RequestAborted);
                return file.Ok
                    ? Results.File(file.Content, "application/pdf", file.FileName ?? $"invoice-{id}.pdf")
                    : Results.Text(
                        (file.Errors.Count > 0 ? file.Errors[0] : "The invoice could not be downloaded."),
                        "text/plain; charset=utf-8",
                        statusCode: (int)file.Status is >= 400 and < 600 ? (int)file.Status : StatusCodes.Status502BadGateway);
            })
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = WebAuth.Scheme })
            .WithNoStore()
            .WithoutRateLimit()
            .ExcludeFromDescription();
}
