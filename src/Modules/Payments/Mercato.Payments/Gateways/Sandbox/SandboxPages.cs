using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>The sandbox's HTML: the checkout page, the challenge page and the closed page. Every value is HTML-encoded.</summary>
internal static class SandboxPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The checkout form, with the problems of a previous submit (whose card number and code are never shown again).</summary>
    public static string Checkout(SandboxSession session, CardForm? previous, IReadOnlyDictionary<string, string> problems)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>Pay {E(Amount(session.Amount, session.Currency))}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(session.Description)}</p>");
        if (problems.Count > 0)
        {
            body.Append("<div role=\"alert\" class=\"errors\"><ul>");
            foreach (var problem in problems.Values)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li>{E(problem)}</li>");
            }

            body.Append("</ul></div>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(PaymentUrls.SandboxPrefix)}/{E(session.Id)}\">");
        Field(body, "cardNumber", "Card number", null, "cc-number", "1234 1234 1234 1234", problems);
        Field(body, "expiry", "Expiry (MM/YY)", previous?.Expiry, "cc-exp", "MM/YY", problems);
        Field(body, "cvc", "CVC", null, "cc-csc", "123", problems);
        Field(body, "name", "Name on card", previous?.Name, "cc-name", string.Empty, problems);
        body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">Pay {E(Amount(session.Amount, session.Currency))}</button></form>");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(PaymentUrls.SandboxPrefix)}/{E(session.Id)}/cancel\"><button type=\"submit\" class=\"secondary\">Cancel and return to the shop</button></form>");
        body.Append("<p class=\"note\">Sandbox: no money moves. Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has insufficient funds, 4000 0025 0000 3155 asks for a challenge. Any future expiry, any CVC.</p>");
        return Page("Sandbox checkout", body.ToString());
    }

    /// <summary>The challenge step of a charge.</summary>
    public static string Challenge(SandboxCharge charge)
    {
        var body = new StringBuilder();
        body.Append("<h1>Confirm this payment</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p>Your bank asks you to confirm the payment of {E(Amount(charge.Amount, charge.Currency))} with your {E(charge.Brand)} card ending in {E(charge.Last4)}.</p>");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(PaymentUrls.SandboxPrefix)}/challenge/{E(charge.Id)}\">");
        body.Append("<button type=\"submit\" name=\"action\" value=\"approve\">Complete authentication</button> ");
        body.Append("<button type=\"submit\" name=\"action\" value=\"fail\" class=\"secondary\">Fail authentication</button></form>");
        return Page("Sandbox authentication", body.ToString());
    }

    /// <summary>A page that says why nothing can be done here.</summary>
    public static string Closed(string title, string reason)
        => Page(title, $"<h1>{E(title)}</h1><p role=\"status\">{E(reason)}</p>");

    private static void Field(StringBuilder body, string name, string label, string? value, string autocomplete, string placeholder, IReadOnlyDictionary<string, string> problems)
    {
        var invalid = problems.ContainsKey(name);
        body.Append(CultureInfo.InvariantCulture, $"<label for=\"{name}\">{E(label)}</label>");
        body.Append(CultureInfo.InvariantCulture, $"<input id=\"{name}\" name=\"{name}\" autocomplete=\"{autocomplete}\" placeholder=\"{E(placeholder)}\" value=\"{E(value ?? string.Empty)}\" required{(invalid ? " aria-invalid=\"true\"" : string.Empty)}>");
    }

    private static string Amount(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");

    private static string E(string value) => Html.Encode(value);

    private static string Page(string title, string body) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{E(title)}</title><style>body{{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#111}}"
        + "label{display:block;margin-top:.8rem;font-weight:600}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}"
        + "button{margin-top:1rem;padding:.6rem 1rem;font-size:1rem;background:#1a4fd6;color:#fff;border:0;border-radius:4px}"
        + "button.secondary{background:#555}.errors{color:#a00;border:1px solid #a00;padding:.5rem}.note{color:#444;font-size:.85rem;margin-top:2rem}</style>"
        + $"</head><body><main>{body}</main></body></html>";
}
