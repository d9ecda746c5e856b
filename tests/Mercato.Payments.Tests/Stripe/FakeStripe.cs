using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mercato.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mercato.Payments.Tests.Stripe;

/// <summary>
/// A local stand-in for Stripe's API on a free loopback port: the calls Mercato's Stripe gateway
/// makes through Stripe.net (form-encoded, bearer key), answered with the JSON shapes Stripe
/// documents (<c>object</c> fields, <c>cs_</c>/<c>pi_</c>/<c>pm_</c>/<c>cus_</c>/<c>re_</c>/<c>evt_</c>
/// ids, list envelopes, <c>{"error": {...}}</c> with 402 for card errors), Stripe's test tokens,
/// <c>Idempotency-Key</c> replays, and Stripe-signed webhook events. It also plays the shopper on
/// Stripe's hosted page (<see cref="PaySession"/>) and on the 3D Secure page (<see cref="CompleteChallenge"/>).
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    /// <summary>The secret key Mercato is configured with.</summary>
    public const string SecretKey = "sk_test_mercato_fake_4eC39HqLyjWDarjtT1zdp7dc";

    /// <summary>The webhook signing secret Mercato is configured with.</summary>
    public const string WebhookSecret = "whsec_mercato_fake_Mf9Kq2r8GKYqrTwjUPD8IL";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeStripeCard> _cards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Status, string Body)> _idempotent = new(StringComparer.Ordinal);
    private readonly List<string> _intentOrder = [];
    private WebApplication? _app;

    private readonly TimeProvider _clock;

    private FakeStripe(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Where the fake listens (Mercato's <c>Payments:Stripe:ApiBase</c>).</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>While true, every call answers 500 <c>api_error</c>, as during an outage at Stripe.</summary>
    public bool Down { get; set; }

    /// <summary>How many POSTs the fake carried out (replays of an idempotency key not counted).</summary>
    public int Writes { get; private set; }

    /// <summary>Starts a fake whose time is <paramref name="clock"/> (Mercato's, so that both agree on "now").</summary>
    public static async Task<FakeStripe> StartAsync(TimeProvider clock)
    {
        var fake = new FakeStripe(clock);
        (fake._app, fake.Url) = await LoopbackApp.StartAsync((app, _) => fake.Map(app));
        return fake;
    }

    /// <summary>A stored object as Stripe would answer it (a copy), or null.</summary>
    public JsonObject? Get(string id)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(id, out var found) ? (JsonObject)found.DeepClone() : null;
        }
    }

    /// <summary>
    /// The shopper pays an open Checkout Session on Stripe's page with <paramref name="token"/>'s
    /// card: its PaymentIntent is created (carrying the session's <c>payment_intent_data</c>) and
    /// succeeds, and the session completes. Answers the session as Stripe then reports it.
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="token">The card typed on the page, as its test token.</param>
    /// <param name="manualCapture">Overrides the session's <c>payment_intent_data.capture_method</c> (as if it had been opened with manual capture).</param>
    public JsonObject PaySession(string sessionId, string token = "tok_visa", bool? manualCapture = null)
    {
        lock (_gate)
        {
            var session = _objects[sessionId];
            var method = NewPaymentMethod(token, null);
            var manual = manualCapture ?? session["payment_intent_data_capture_method"]?.GetValue<string>() == "manual";
            var intent = NewIntent(
                session["amount_total"]!.GetValue<long>(), session["currency"]!.GetValue<string>(), null, method,
                (JsonObject)session["payment_intent_data_metadata"]!.DeepClone(), manual, null);
            Settle(intent, _cards[method["id"]!.GetValue<string>()], null);
            session["payment_intent"] = intent["id"]!.GetValue<string>();
            session["status"] = "complete";
            session["payment_status"] = manual ? "unpaid" : "paid";
            return Public(session);
        }
    }

    /// <summary>Deletes an object at Stripe behind Mercato's back (as from Stripe's dashboard).</summary>
    public void Forget(string id)
    {
        lock (_gate)
        {
            _objects.Remove(id);
            _cards.Remove(id);
        }
    }

    /// <summary>The shopper passes the 3D Secure challenge of a PaymentIntent: it succeeds (or becomes capturable).</summary>
    public JsonObject CompleteChallenge(string intentId)
    {
        lock (_gate)
        {
            var intent = _objects[intentId];
            intent["status"] = intent["capture_method"]!.GetValue<string>() == "manual" ? "requires_capture" : "succeeded";
            intent["amount_received"] = intent["status"]!.GetValue<string>() == "succeeded" ? intent["amount"]!.GetValue<long>() : 0;
            intent["next_action"] = null;
            return Public(intent);
        }
    }

    /// <summary>A Stripe event of <paramref name="type"/> about <paramref name="data"/>, as Stripe would post it.</summary>
    public static string Event(string type, JsonObject data, string? eventId = null) => new JsonObject
    {
        ["id"] = eventId ?? NewId("evt_"),
        ["object"] = "event",
        ["api_version"] = "2025-11-17.clover",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = data.DeepClone() },
    }.ToJsonString();

    /// <summary>The <c>Stripe-Signature</c> header of <paramref name="body"/> signed at <paramref name="at"/>: <c>t=…,v1=hex(HMAC-SHA256(secret, t + "." + body))</c>.</summary>
    public static string Signature(string body, DateTimeOffset at, string secret = WebhookSecret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Posts a signed event to Mercato's Stripe webhook endpoint, as Stripe delivers it.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient mercato, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return mercato.SendAsync(request);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static string NewId(string prefix) => prefix + "test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private long Now => _clock.GetUtcNow().ToUnixTimeSeconds();

    private static IResult Json(int status, JsonNode body) => Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    private static IResult Error(int status, string type, string? code, string message, string? declineCode = null, JsonObject? intent = null) => Json(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["type"] = type,
            ["code"] = code,
            ["decline_code"] = declineCode,
            ["message"] = message,
            ["payment_intent"] = intent,
        },
    });

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (Down)
            {
                await Error(500, "api_error", null, "An unknown error occurred").ExecuteAsync(context);
                return;
            }

            if (context.Request.Headers.Authorization.ToString() != "Bearer " + SecretKey)
            {
                await Error(401, "invalid_request_error", null, "Invalid API Key provided.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.MapPost("/v1/checkout/sessions", (HttpRequest r) => Write(r, CreateSession));
        app.MapGet("/v1/checkout/sessions/{id}", (HttpRequest r, string id) => Read(r, id));
        app.MapPost("/v1/customers", (HttpRequest r) => Write(r, CreateCustomer));
        app.MapPost("/v1/payment_methods", (HttpRequest r) => Write(r, CreatePaymentMethod));
        app.MapGet("/v1/payment_methods/{id}", (HttpRequest r, string id) => Read(r, id));
        app.MapPost("/v1/payment_methods/{id}/attach", (HttpRequest r, string id) => Write(r, f => Attach(id, f)));
        app.MapPost("/v1/payment_methods/{id}/detach", (HttpRequest r, string id) => Write(r, _ => Detach(id)));
        app.MapPost("/v1/payment_intents", (HttpRequest r) => Write(r, CreateIntent));
        app.MapGet("/v1/payment_intents", (HttpRequest r) => ListIntents(r));
        app.MapGet("/v1/payment_intents/{id}", (HttpRequest r, string id) => Read(r, id));
        app.MapPost("/v1/payment_intents/{id}/capture", (HttpRequest r, string id) => Write(r, f => Capture(id, f)));
        app.MapPost("/v1/payment_intents/{id}/cancel", (HttpRequest r, string id) => Write(r, _ => Cancel(id)));
        app.MapPost("/v1/refunds", (HttpRequest r) => Write(r, CreateRefund));
    }

    /// <summary>A POST: replays the answer of an <c>Idempotency-Key</c> already used, else carries it out under the lock.</summary>
    private async Task<IResult> Write(HttpRequest request, Func<FakeStripeForm, IResult> action)
    {
        var form = await FakeStripeForm.ReadAsync(request);
        var key = request.Headers["Idempotency-Key"].ToString();
        lock (_gate)
        {
            if (key.Length > 0 && _idempotent.TryGetValue(key, out var earlier))
            {
                return Results.Text(earlier.Body, "application/json", Encoding.UTF8, earlier.Status);
            }

            Writes++;
            var result = action(form);
            if (key.Length > 0 && result is ContentHttpResult content)
            {
                _idempotent[key] = (content.StatusCode ?? 200, content.ResponseContent ?? string.Empty);
            }

            return result;
        }
    }

    private async Task<IResult> Read(HttpRequest request, string id)
    {
        var form = await FakeStripeForm.ReadAsync(request);
        lock (_gate)
        {
            return _objects.TryGetValue(id, out var found)
                ? Json(200, Expand(found, form.List("expand")))
                : Error(404, "invalid_request_error", "resource_missing", $"No such object: '{id}'");
        }
    }

    private async Task<IResult> ListIntents(HttpRequest request)
    {
        var form = await FakeStripeForm.ReadAsync(request);
        var since = form.Number("created[gte]") ?? 0;
        var limit = (int)(form.Number("limit") ?? 10);
        var after = form["starting_after"];
        var expand = form.List("expand").Where(e => e.StartsWith("data.", StringComparison.Ordinal)).Select(e => e["data.".Length..]).ToList();
        lock (_gate)
        {
            // Newest first, as Stripe lists.
            var all = _intentOrder.AsEnumerable().Reverse().Select(id => _objects[id]).Where(i => i["created"]!.GetValue<long>() >= since).ToList();
            var start = after is null ? 0 : all.FindIndex(i => i["id"]!.GetValue<string>() == after) + 1;
            var page = all.Skip(start).Take(limit).ToList();
            return Json(200, new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray([.. page.Select(i => (JsonNode)Expand(i, expand))]),
                ["has_more"] = start + page.Count < all.Count,
                ["url"] = "/v1/payment_intents",
            });
        }
    }

    private IResult CreateSession(FakeStripeForm form)
    {
        // Stripe's rule: expires_at from 30 minutes to 24 hours after the session's creation.
        if (form.Number("expires_at") is { } expiresAt && (expiresAt < Now + 30 * 60 || expiresAt > Now + 24 * 3600))
        {
            return Error(400, "invalid_request_error", "parameter_invalid_integer", "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.");
        }

        var id = NewId("cs_");
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["mode"] = form["mode"],
            ["status"] = "open",
            ["payment_status"] = "unpaid",
            ["amount_total"] = form.Number("line_items[0][price_data][unit_amount]")!.Value * (form.Number("line_items[0][quantity]") ?? 1),
            ["currency"] = form["line_items[0][price_data][currency]"],
            ["client_reference_id"] = form["client_reference_id"],
            ["customer_email"] = form["customer_email"],
            ["metadata"] = MapOf(form.Map("metadata")),
            ["success_url"] = form["success_url"],
            ["cancel_url"] = form["cancel_url"],
            ["expires_at"] = form.Number("expires_at") ?? Now + 86400,
            ["created"] = Now,
            ["livemode"] = false,
            ["payment_intent"] = null,
            ["url"] = $"{Url}/c/pay/{id}",
            ["payment_intent_data_metadata"] = MapOf(form.Map("payment_intent_data[metadata]")),
            ["payment_intent_data_capture_method"] = form["payment_intent_data[capture_method]"] ?? "automatic",
        };
        _objects[id] = session;
        return Json(200, Public(session));
    }

    private IResult CreateCustomer(FakeStripeForm form)
    {
        var id = NewId("cus_");
        _objects[id] = new JsonObject { ["id"] = id, ["object"] = "customer", ["email"] = form["email"], ["metadata"] = MapOf(form.Map("metadata")), ["created"] = Now };
        return Json(200, _objects[id].DeepClone());
    }

    private IResult CreatePaymentMethod(FakeStripeForm form)
    {
        var token = form["card[token]"];
        return token is not null && FakeStripeCard.Tokens.ContainsKey(token)
            ? Json(200, NewPaymentMethod(token, null).DeepClone())
            : Error(400, "invalid_request_error", "resource_missing", $"No such token: '{token}'");
    }

    private JsonObject NewPaymentMethod(string token, string? customer)
    {
        var card = FakeStripeCard.Tokens[token];
        var id = NewId("pm_");
        _cards[id] = card;
        _objects[id] = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_method",
            ["type"] = "card",
            ["customer"] = customer,
            ["created"] = Now,
            ["livemode"] = false,
            ["card"] = new JsonObject
            {
                ["brand"] = card.Brand,
                ["last4"] = card.Last4,
                ["exp_month"] = 12,
                ["exp_year"] = DateTime.UtcNow.Year + 3,
                ["fingerprint"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16],
                ["funding"] = "credit",
                ["country"] = "US",
            },
        };
        return _objects[id];
    }

    private IResult Attach(string id, FakeStripeForm form)
    {
        if (!_objects.TryGetValue(id, out var method) || method["object"]!.GetValue<string>() != "payment_method")
        {
            return Error(404, "invalid_request_error", "resource_missing", $"No such PaymentMethod: '{id}'");
        }

        if (form["customer"] is not { } customer || !_objects.ContainsKey(customer))
        {
            return Error(404, "invalid_request_error", "resource_missing", $"No such customer: '{form["customer"]}'");
        }

        // Stripe checks the card when it is attached: a declining card is refused here.
        if (_cards[id].AttachDecline is { } decline)
        {
            return Error(402, "card_error", "card_declined", "Your card was declined.", decline);
        }

        method["customer"] = customer;
        return Json(200, method.DeepClone());
    }

    private IResult Detach(string id)
    {
        if (!_objects.TryGetValue(id, out var method) || method["object"]!.GetValue<string>() != "payment_method")
        {
            return Error(404, "invalid_request_error", "resource_missing", $"No such PaymentMethod: '{id}'");
        }

        if (method["customer"] is null)
        {
            return Error(400, "invalid_request_error", "payment_method_unexpected_state", "The payment method you provided is not attached to a customer so detachment is impossible.");
        }

        method["customer"] = null;
        return Json(200, method.DeepClone());
    }

    private IResult CreateIntent(FakeStripeForm form)
    {
        var methodId = form["payment_method"];
        if (methodId is null || !_cards.TryGetValue(methodId, out var card))
        {
            return Error(400, "invalid_request_error", "resource_missing", $"No such PaymentMethod: '{methodId}'");
        }

        var customer = form["customer"];
        if (_objects[methodId]["customer"]?.GetValue<string>() != customer)
        {
            return Error(400, "invalid_request_error", "payment_method_invalid_parameter", "The provided PaymentMethod belongs to another customer.");
        }

        var intent = NewIntent(
            form.Number("amount")!.Value, form["currency"]!, customer, _objects[methodId], MapOf(form.Map("metadata")), form["capture_method"] == "manual", form["return_url"]);
        if (form.Bool("confirm") && Settle(intent, card, form["return_url"]) is { } decline)
        {
            return Error(402, "card_error", "card_declined", "Your card was declined.", decline, Public(intent));
        }

        return Json(200, Expand(intent, form.List("expand")));
    }

    private JsonObject NewIntent(long amount, string currency, string? customer, JsonObject method, JsonObject metadata, bool manual, string? returnUrl)
    {
        var id = NewId("pi_");
        var intent = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_received"] = 0L,
            ["amount_capturable"] = 0L,
            ["currency"] = currency,
            ["customer"] = customer,
            ["payment_method"] = method["id"]!.GetValue<string>(),
            ["capture_method"] = manual ? "manual" : "automatic",
            ["status"] = "requires_confirmation",
            ["metadata"] = metadata,
            ["created"] = Now,
            ["livemode"] = false,
            ["return_url"] = returnUrl,
            ["last_payment_error"] = null,
            ["next_action"] = null,
            ["cancellation_reason"] = null,
            ["amount_refunded_by_fake"] = 0L,
        };
        _objects[id] = intent;
        _intentOrder.Add(id);
        return intent;
    }

    /// <summary>Confirms a PaymentIntent with its card; answers the decline code when the card declines.</summary>
    private string? Settle(JsonObject intent, FakeStripeCard card, string? returnUrl)
    {
        var manual = intent["capture_method"]!.GetValue<string>() == "manual";
        if (card.ChargeDecline is { } decline)
        {
            intent["status"] = "requires_payment_method";
            intent["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = decline, ["message"] = "Your card was declined." };
            return decline;
        }

        if (card.RequiresAction)
        {
            intent["status"] = "requires_action";
            intent["next_action"] = new JsonObject
            {
                ["type"] = "redirect_to_url",
                ["redirect_to_url"] = new JsonObject { ["url"] = $"{Url}/3ds/{intent["id"]}", ["return_url"] = returnUrl },
            };
            return null;
        }

        var amount = intent["amount"]!.GetValue<long>();
        intent["status"] = manual ? "requires_capture" : "succeeded";
        intent["amount_received"] = manual ? 0 : amount;
        intent["amount_capturable"] = manual ? amount : 0;
        return null;
    }

    private IResult Capture(string id, FakeStripeForm form)
    {
        if (!_objects.TryGetValue(id, out var intent) || intent["object"]!.GetValue<string>() != "payment_intent")
        {
            return Error(404, "invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'");
        }

        if (intent["status"]!.GetValue<string>() != "requires_capture")
        {
            return Error(400, "invalid_request_error", "payment_intent_unexpected_state", "This PaymentIntent could not be captured because it has a status of " + intent["status"] + ".");
        }

        var capturable = intent["amount_capturable"]!.GetValue<long>();
        var amount = form.Number("amount_to_capture") ?? capturable;
        if (amount > capturable)
        {
            return Error(400, "invalid_request_error", "amount_too_large", "The amount to capture exceeds the amount capturable.");
        }

        intent["status"] = "succeeded";
        intent["amount_received"] = amount;
        intent["amount_capturable"] = 0;
        return Json(200, Expand(intent, form.List("expand")));
    }

    private IResult Cancel(string id)
    {
        if (!_objects.TryGetValue(id, out var intent) || intent["object"]!.GetValue<string>() != "payment_intent")
        {
            return Error(404, "invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'");
        }

        if (intent["status"]!.GetValue<string>() is "succeeded" or "canceled")
        {
            return Error(400, "invalid_request_error", "payment_intent_unexpected_state", "You cannot cancel this PaymentIntent because it has a status of " + intent["status"] + ".");
        }

        intent["status"] = "canceled";
        intent["cancellation_reason"] = "requested_by_customer";
        intent["amount_capturable"] = 0;
        return Json(200, Public(intent));
    }

    private IResult CreateRefund(FakeStripeForm form)
    {
        var intentId = form["payment_intent"];
        if (intentId is null || !_objects.TryGetValue(intentId, out var intent) || intent["object"]!.GetValue<string>() != "payment_intent")
        {
            return Error(404, "invalid_request_error", "resource_missing", $"No such payment_intent: '{intentId}'");
        }

        if (intent["status"]!.GetValue<string>() != "succeeded")
        {
            return Error(400, "invalid_request_error", "charge_not_refundable", "This PaymentIntent has no successful charge to refund.");
        }

        var received = intent["amount_received"]!.GetValue<long>();
        var refunded = intent["amount_refunded_by_fake"]!.GetValue<long>();
        var amount = form.Number("amount") ?? received - refunded;
        if (refunded >= received)
        {
            return Error(400, "invalid_request_error", "charge_already_refunded", $"Charge for {intentId} has already been refunded.");
        }

        if (amount <= 0 || refunded + amount > received)
        {
            return Error(400, "invalid_request_error", "amount_too_large", $"Refund amount ({amount}) is greater than unrefunded amount on charge ({received - refunded}).");
        }

        intent["amount_refunded_by_fake"] = refunded + amount;
        var id = NewId("re_");
        _objects[id] = new JsonObject
        {
            ["id"] = id,
            ["object"] = "refund",
            ["amount"] = amount,
            ["currency"] = intent["currency"]!.GetValue<string>(),
            ["payment_intent"] = intentId,
            ["status"] = "succeeded",
            ["created"] = Now,
            ["metadata"] = new JsonObject(),
        };
        return Json(200, _objects[id].DeepClone());
    }

    /// <summary>An object as Stripe answers it, with the listed fields (<c>payment_intent</c>, <c>payment_method</c>, <c>payment_intent.payment_method</c>) expanded.</summary>
    private JsonObject Expand(JsonObject stored, IEnumerable<string> expand)
    {
        var copy = Public(stored);
        foreach (var path in expand)
        {
            var (field, rest) = path.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? (path[..dot], path[(dot + 1)..]) : (path, null);
            if (copy[field] is JsonValue value && value.TryGetValue<string>(out var id) && _objects.TryGetValue(id, out var inner))
            {
                copy[field] = Expand(inner, rest is null ? [] : [rest]);
            }
            else if (copy[field] is JsonObject nested && rest is not null && nested[rest] is JsonValue nestedValue
                && nestedValue.TryGetValue<string>(out var nestedId) && _objects.TryGetValue(nestedId, out var nestedObject))
            {
                nested[rest] = Public(nestedObject);
            }
        }

        return copy;
    }

    /// <summary>A copy without the fake's own bookkeeping fields.</summary>
    private static JsonObject Public(JsonObject stored)
    {
        var copy = (JsonObject)stored.DeepClone();
        foreach (var key in copy.Select(p => p.Key).Where(k => k.StartsWith("payment_intent_data_", StringComparison.Ordinal) || k.EndsWith("_by_fake", StringComparison.Ordinal)).ToList())
        {
            copy.Remove(key);
        }

        return copy;
    }

    private static JsonObject MapOf(Dictionary<string, string> entries) => new([.. entries.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]);
}
