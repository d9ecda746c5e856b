using Mercato.Identity.Contracts;
using Mercato.Identity.Data;
using Mercato.Identity.Users;
using Mercato.Identity.Verification;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Auth;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Accounts;

/// <summary><c>POST /api/v1/auth/register</c>.</summary>
internal static class RegistrationApi
{
    /// <summary>Maps the registration endpoint.</summary>
    public static IEndpointRouteBuilder MapRegistrationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(IdentityModule.Descriptor)
            .MapPost("/api/v1/auth/register", RegisterAsync)
            .WithTags("Auth")
            .WithName("Register")
            .WithSummary("Creates a customer account and publishes UserRegistered and, when verification is required, EmailVerificationRequested (JSON or form fields)")
            .WithAliases(
                a => a.AcceptForm()
                    .Field("password1", "password") // seed 002
                    .Field("password2", "confirmPassword") // seed 002
                    .Field("confirm_password", "confirmPassword") // seed 000
                    .Field("first_name", "firstName")
                    .Field("last_name", "lastName")
                    .Field("phone_number", "phoneNumber"),
                typeof(RegisterRequest))
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<RegisterResponse>>, ApiErrorResult>> RegisterAsync(
        RegisterRequest request,
        MercatoUserManager users,
        MercatoIdentityDbContext db,
        EmailVerification verification,
        IOptions<IdentitySettings> settings,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var verificationRequired = settings.Value.EmailVerification.Required;
        var now = time.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = request.Email,
            UserName = request.Username ?? request.Email,
            HasUsername = request.Username is not null,
            FirstName = request.FirstName?.Trim() ?? string.Empty,
            LastName = request.LastName?.Trim() ?? string.Empty,
            PhoneNumber = string.IsNullOrWhiteSpace(request.PhoneNumber) ? null : request.PhoneNumber.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                return IdentityErrorMapping.ToApiError(created.Errors);
            }

            var role = await users.AddToRoleAsync(user, MercatoRoles.Customer);
            if (!role.Succeeded)
            {
                throw new InvalidOperationException("Could not give a new account the Customer role: " + string.Join("; ", role.Errors.Select(e => e.Description)));
            }

            db.AddIntegrationEvent(
                new UserRegistered(user.Id, user.Email!, user.DisplayUsername, user.FirstName, user.LastName, verificationRequired),
                IdentityModule.Name);
            if (verificationRequired)
            {
                await verification.SendAsync(user, user.Email!, isEmailChange: false, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A race lost to a parallel registration for the same address or name (the unique
            // indexes refused the second account) is the client's conflict; anything else is a
            // real failure and must not be reported as one.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await users.FindByEmailAsync(request.Email!) is not null)
            {
                return ApiResults.Conflict(ErrorCodes.AlreadyExists, "An account with this e-mail address already exists", "email");
            }

            if (await users.FindByNameAsync(user.UserName!) is not null)
            {
                return ApiResults.Conflict(ErrorCodes.AlreadyExists, "This user name is taken", "username");
            }

            // Not a lost race: a real failure, not the client's conflict.
            throw;
        }

        return ApiResults.Created(
            $"/api/v1/users/{user.Id}",
            new RegisterResponse(user.Id, user.Email!, user.DisplayUsername, verificationRequired),
            verificationRequired ? "Registration successful. Please verify your email." : "Registration successful.");
    }
}
