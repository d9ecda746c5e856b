namespace Mercato.Identity.Tokens;

/// <summary>The outcome of presenting a refresh token.</summary>
internal sealed record RefreshRedemption
{
    private RefreshRedemption(RefreshOutcome outcome, Guid userId = default, Guid familyId = default)
    {
        Outcome = outcome;
        UserId = userId;
        FamilyId = familyId;
    }

    /// <summary>Unknown, expired or revoked.</summary>
    public static RefreshRedemption Invalid { get; } = new(RefreshOutcome.Invalid);

    /// <summary>Already consumed: the family has been revoked.</summary>
    public static RefreshRedemption Reused { get; } = new(RefreshOutcome.Reused);

    /// <summary>What happened.</summary>
    public RefreshOutcome Outcome { get; }

    /// <summary>The owner (when redeemed).</summary>
    public Guid UserId { get; }

    /// <summary>The family to continue (when redeemed).</summary>
    public Guid FamilyId { get; }

    /// <summary>Consumed now; continue the family.</summary>
    public static RefreshRedemption Redeemed(Guid userId, Guid familyId) => new(RefreshOutcome.Redeemed, userId, familyId);
}

/// <summary>What happened to a presented refresh token.</summary>
internal enum RefreshOutcome
{
    /// <summary>Unknown, expired or revoked.</summary>
    Invalid,

    /// <summary>Consumed now.</summary>
    Redeemed,

    /// <summary>Presented after it had been consumed.</summary>
    Reused,
}
