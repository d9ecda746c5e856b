namespace Mercato.Identity.Recovery;

/// <summary>What an <see cref="AccountSecret"/> is for; seed 002's <c>using_for</c> values.</summary>
internal static class SecretPurpose
{
    /// <summary>Sets a new password without the current one.</summary>
    public const string PasswordReset = "password_reset";

    /// <summary>Confirms the account's address.</summary>
    public const string EmailVerification = "email_verification";

    /// <summary>Confirms a new address, which then replaces the account's (never asked for by name: verifying does it).</summary>
    public const string EmailChange = "email_change";

    /// <summary>The purposes a client may ask a code for.</summary>
    public static readonly string[] Requestable = [PasswordReset, EmailVerification];
}
