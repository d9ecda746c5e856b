using Mercato.Ordering.Orders;
using Mercato.Platform.Hosting;

namespace Mercato.Ordering;

/// <summary>Ordering settings (section <c>Ordering</c>).</summary>
internal sealed class OrderingOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ordering";

    /// <summary>How long a placed order may stay unpaid before it is cancelled (default 30 minutes).</summary>
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How much longer than <see cref="PaymentWindow"/> the Catalog holds an order's stock, so the
    /// reservation never lapses while its order can still be paid (default 15 minutes).
    /// </summary>
    public TimeSpan ReservationMargin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often pending orders past their payment window are looked for (default 1 minute).</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shop's name as invoices show it (default "Mercato").</summary>
    public string ShopName { get; set; } = "Mercato";

    /// <summary>
    /// The ISO 3166-1 alpha-2 code (e.g. <c>GB</c>) an order's address gets when it has no country,
    /// as seed 000's guest order sends it. Default none: the country is then required (400), so a
    /// shop that ships abroad never sends a parcel to a country nobody chose.
    /// </summary>
    public string? DefaultCountry { get; set; }

    /// <summary>
    /// Whether a signed-in account must have verified its e-mail address (the access token's
    /// <c>email_verified</c> claim) to place an order (default false). Guests are not concerned.
    /// </summary>
    public bool RequireVerifiedEmail { get; set; }

    /// <summary><see cref="DefaultCountry"/> when one is set (an empty value is none).</summary>
    public string? DefaultCountryOrNull => string.IsNullOrWhiteSpace(DefaultCountry) ? null : DefaultCountry;

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        DefaultCountryOrNull is not { } country || CountryCodes.IsAssigned(country)
            ? null
            : $"Ordering:DefaultCountry '{country}' is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. GB)",
        SettingRules.Positive(PaymentWindow, "Ordering:PaymentWindow"),
        SettingRules.NotNegative(ReservationMargin, "Ordering:ReservationMargin"),
        SettingRules.Positive(ExpirySweepInterval, "Ordering:ExpirySweepInterval"));
}
