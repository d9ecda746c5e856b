using System.ComponentModel.DataAnnotations;
using Mercato.Platform.Envelope;
using Mercato.Platform.OpenApi;

namespace Mercato.Identity.Users;

/// <summary>Query of <c>GET /api/v1/users</c>.</summary>
internal sealed class UserListQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = PageRules.MaxPageSize;

    /// <summary>The longest search text.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Users per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>Case-insensitive text found in the e-mail, user name, first or last name.</summary>
    [MaxLength(MaxSearchLength)]
    public string? Search { get; init; }

    /// <summary>Only users holding this role.</summary>
    [AllowedNames(typeof(KnownRoles), nameof(KnownRoles.Names))]
    public string? Role { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);

        if (Search is { Length: > MaxSearchLength })
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"search must be at most {MaxSearchLength} characters", "search"));
        }

        if (Role is not null && KnownRoles.Canonical(Role) is null)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"Unknown role; use {string.Join(", ", KnownRoles.Names)}", "role"));
        }

        return errors;
    }
}
