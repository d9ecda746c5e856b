namespace Mercato.Catalog.Reviews;

/// <summary>
/// The name a review is shown under. Access tokens carry no person name, only the e-mail, and
/// Catalog keeps no copy of Identity's accounts; publishing the whole e-mail (or even its whole
/// local part) would hand out addresses. So a review shows the first three characters of the
/// e-mail's local part followed by "***" (<c>jane.doe@example.com</c> → <c>jan***</c>), and
/// "Customer" when the token has no e-mail. The name is stored with the review, so it never
/// changes afterwards.
/// </summary>
internal static class ReviewerName
{
    /// <summary>The shown name for an e-mail claim.</summary>
    public static string FromEmail(string? email)
    {
        var local = email?.Split('@', 2)[0].Trim();
        if (string.IsNullOrEmpty(local))
        {
            return "Customer";
        }

        return string.Concat(local.AsSpan(0, Math.Min(3, local.Length)), "***");
    }
}
