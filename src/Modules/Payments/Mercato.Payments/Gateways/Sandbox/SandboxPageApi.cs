using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>
/// The sandbox's own pages at <c>/sandbox-pay</c>: the hosted checkout form, cancel, and the
/// challenge step. They are the provider's pages, not Mercato's API, so they answer HTML and
/// are left out of the API document.
/// </summary>
internal static class SandboxPageApi
{
    private const string Html = "text/html; charset=utf-8";

    /// <summary>Maps the pages.</summary>
    public static IEndpointRouteBuilder MapSandboxPages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(PaymentsModule.Descriptor).MapGroup(PaymentUrls.SandboxPrefix).AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/{sessionId}", ShowAsync);
        group.MapPost("/{sessionId}", PayAsync).DisableAntiforgery();
        group.MapPost("/{sessionId}/cancel", CancelAsync).DisableAntiforgery();
        group.MapGet("/challenge/{chargeId}", ShowChallengeAsync);
        group.MapPost("/challenge/{chargeId}", CompleteChallengeAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(string sessionId, SandboxPsp psp, HttpContext context, CancellationToken cancellationToken)
    {
        Protect(context);
        var session = await psp.FindSessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        return psp.ClosedReason(session) is { } closed
            ? Results.Content(SandboxPages.Closed("Payment closed", closed), Html, statusCode: StatusCodes.Status409Conflict)
            : Results.Content(SandboxPages.Checkout(session, null, new Dictionary<string, string>()), Html);
    }

    private static async Task<IResult> PayAsync(string sessionId, SandboxPsp psp, HttpContext context, CancellationToken cancellationToken)
    {
        Protect(context);
        if (!context.Request.HasFormContentType)
        {
            return Results.Content(SandboxPages.Closed("Bad request", "Submit the payment form."), Html, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var card = new CardForm(form["cardNumber"], form["expiry"], form["cvc"], form["name"]);
        var outcome = await psp.PayAsync(sessionId, card, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.RedirectTo is { } next)
        {
            return SeeOther(context, next);
        }

        if (outcome.Closed is { } closed)
        {
            return Results.Content(SandboxPages.Closed("Payment closed", closed), Html, statusCode: StatusCodes.Status409Conflict);
        }

        var session = (await psp.FindSessionAsync(sessionId, cancellationToken))!;
        return Results.Content(SandboxPages.Checkout(session, card, outcome.Problems), Html, statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> CancelAsync(string sessionId, SandboxPsp psp, HttpContext context, CancellationToken cancellationToken)
    {
        Protect(context);
        return await psp.CancelSessionAsync(sessionId, cancellationToken) is { } next ? SeeOther(context, next) : NotFound();
    }

    private static async Task<IResult> ShowChallengeAsync(string chargeId, SandboxPsp psp, HttpContext context, CancellationToken cancellationToken)
    {
        Protect(context);
        var charge = await psp.FindChargeAsync(chargeId, cancellationToken);
        if (charge is null)
        {
            return NotFound();
        }

        return charge.State == ChargeState.RequiresAction
            ? Results.Content(SandboxPages.Challenge(charge), Html)
            : Results.Content(SandboxPages.Closed("Payment closed", "This payment no longer needs authentication."), Html, statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> CompleteChallengeAsync(string chargeId, SandboxPsp psp, HttpContext context, CancellationToken cancellationToken)
    {
        Protect(context);
        var action = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(cancellationToken))["action"].ToString() : string.Empty;
        if (action is not ("approve" or "fail"))
        {
            return Results.Content(SandboxPages.Closed("Bad request", "Choose to complete or to fail the authentication."), Html, statusCode: StatusCodes.Status400BadRequest);
        }

        return await psp.CompleteChallengeAsync(chargeId, action == "approve", cancellationToken) is { } next ? SeeOther(context, next) : NotFound();
    }

    /// <summary>303 See Other: the browser follows with a GET, whatever it posted.</summary>
    private static IResult SeeOther(HttpContext context, string url)
    {
        context.Response.Headers.Location = url;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static IResult NotFound() => Results.Content(SandboxPages.Closed("Not found", "There is no such payment."), Html, statusCode: StatusCodes.Status404NotFound);

    /// <summary>The provider's page is never cached, framed, or allowed to run scripts.</summary>
    private static void Protect(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
    }
}
