using System.Security.Claims;
using Mercato.Platform.Auth;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Mercato.Messaging.Audit;

/// <summary>Who is making a change, as the audit trail names them.</summary>
/// <param name="Id">The user id, the service token's client id, <c>service:&lt;module&gt;</c>, or <c>anonymous</c>.</param>
/// <param name="Type">See <see cref="AuditRecord.ActorType"/>.</param>
/// <param name="ClientIp">The caller's address for an HTTP request.</param>
/// <param name="AuditsEverything">Whether every change of this actor is audited (administrators, service tokens, background work); otherwise only <see cref="AlwaysAuditedAttribute"/> types are.</param>
internal sealed record AuditActor(string Id, string Type, string? ClientIp, bool AuditsEverything)
{
    /// <summary>The actor of the current work: the HTTP request's caller, or the module's own background work.</summary>
    public static AuditActor Of(HttpContext? http, string module)
    {
        if (http is null)
        {
            return new AuditActor("service:" + module, "service", null, true);
        }

        // A neighbour's in-process call under someone's request (embedded mode): the service acts, as over HTTP.
        if (ServiceCall.Module is { } acting)
        {
            return new AuditActor("service:" + acting, "service", null, true);
        }

        var user = http.User;
        var ip = ClientAddress.Of(http);
        if (user.FindFirstValue(MercatoClaims.ClientId) is { Length: > 0 } clientId)
        {
            return new AuditActor(clientId, "client", ip, true);
        }

        var subject = user.FindFirstValue(MercatoClaims.Subject);
        if (subject is null)
        {
            return new AuditActor("anonymous", "anonymous", ip, false);
        }

        if (user.IsInRole(MercatoRoles.Admin))
        {
            return new AuditActor(subject, "admin", ip, true);
        }

        // Support staff change other people's things (conversations, assignments): audited like administrators.
        return user.IsInRole(MercatoRoles.Support)
            ? new AuditActor(subject, "staff", ip, true)
            : new AuditActor(subject, "user", ip, false);
    }
}
