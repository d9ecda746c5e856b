using System.Text;
using Mercato.Platform.Security;

namespace Mercato.Platform.Tests.Security;

/// <summary>Webhook signatures against the Standard Webhooks specification's published example.</summary>
public sealed class StandardWebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void Signing_the_published_example_gives_the_published_signature()
        => Assert.Equal(Expected, StandardWebhookSignature.Sign(Secret, Id, Timestamp, Body));

    [Fact]
    public void The_published_signature_verifies_also_among_others_during_a_rotation()
    {
        Assert.True(StandardWebhookSignature.Verify(Secret, Id, "1614265330", Expected, Body, SentAt, StandardWebhookSignature.DefaultTolerance));
        Assert.True(StandardWebhookSignature.Verify(Secret, Id, "1614265330", "v1,bm9wZQ== " + Expected, Body, SentAt.AddMinutes(4), StandardWebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData("msg_other", "1614265330", Expected, 0)]
    [InlineData(Id, "1614265331", Expected, 0)]
    [InlineData(Id, "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF=", 0)]
    [InlineData(Id, "1614265330", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", 0)]
    [InlineData(Id, "1614265330", Expected, 6)]
    [InlineData(Id, "1614265330", Expected, -6)]
    [InlineData(Id, "not-a-number", Expected, 0)]
    [InlineData(Id, "1614265330", "", 0)]
    public void A_changed_id_timestamp_signature_or_a_stale_message_is_refused(string id, string timestamp, string signature, int minutesLater)
        => Assert.False(StandardWebhookSignature.Verify(Secret, id, timestamp, signature, Body, SentAt.AddMinutes(minutesLater), StandardWebhookSignature.DefaultTolerance));

    [Fact]
    public void A_changed_body_is_refused()
        => Assert.False(StandardWebhookSignature.Verify(
            Secret, Id, "1614265330", Expected, Encoding.UTF8.GetBytes("{\"test\": 2432232315}"), SentAt, StandardWebhookSignature.DefaultTolerance));

    [Fact]
    public void During_a_rotation_each_secret_signs_in_order_and_a_receiver_holding_either_verifies()
    {
        var next = StandardWebhookSignature.NewSecret();
        var header = StandardWebhookSignature.Sign([next, Secret], Id, Timestamp, Body);

        Assert.Equal(StandardWebhookSignature.Sign(next, Id, Timestamp, Body) + " " + Expected, header);
        Assert.True(StandardWebhookSignature.Verify(Secret, Id, "1614265330", header, Body, SentAt, StandardWebhookSignature.DefaultTolerance));
        Assert.True(StandardWebhookSignature.Verify(next, Id, "1614265330", header, Body, SentAt, StandardWebhookSignature.DefaultTolerance));
        Assert.False(StandardWebhookSignature.Verify(StandardWebhookSignature.NewSecret(), Id, "1614265330", header, Body, SentAt, StandardWebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void A_message_is_never_signed_without_a_secret_nor_under_an_id_that_is_empty_or_holds_a_full_stop()
    {
        Assert.Throws<ArgumentException>(() => StandardWebhookSignature.Sign([], Id, Timestamp, Body));
        Assert.Throws<ArgumentException>(() => StandardWebhookSignature.Sign(Secret, "msg.1", Timestamp, Body));
        Assert.Throws<ArgumentException>(() => StandardWebhookSignature.Sign([Secret], "", Timestamp, Body));
        Assert.False(StandardWebhookSignature.Verify(Secret, "msg.1", "1614265330", Expected, Body, SentAt, StandardWebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void The_published_secret_and_a_new_one_are_valid_secrets()
    {
        Assert.True(StandardWebhookSignature.TryValidateSecret(Secret, out var problem), problem);
        Assert.True(StandardWebhookSignature.TryValidateSecret(StandardWebhookSignature.NewSecret(), out problem), problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")] // no prefix
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_eHh4eHh4eHh4eHh4eHh4eA==")] // 16 bytes: fewer than 24
    [InlineData("whsec_eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXk=")] // 65 bytes: more than 64
    public void A_secret_without_the_prefix_not_base64_or_of_the_wrong_length_is_refused_with_the_reason(string? secret)
    {
        Assert.False(StandardWebhookSignature.TryValidateSecret(secret, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }
}
