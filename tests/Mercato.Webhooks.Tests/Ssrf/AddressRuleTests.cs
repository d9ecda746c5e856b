using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Mercato.Platform.Security;
using Mercato.Webhooks.Sending;
using Mercato.Webhooks.Ssrf;

namespace Mercato.Webhooks.Tests.Ssrf;

/// <summary>The pieces under the guard and the signatures, on their own: hosts read as a resolver reads them, which addresses are public, seed 004's signature against a value computed elsewhere, the retry waits.</summary>
public sealed class AddressRuleTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("0177.0.0.1", "127.0.0.1")]
    [InlineData("0x7f.0.0.1", "127.0.0.1")]
    [InlineData("0x7f000001", "127.0.0.1")]
    [InlineData("127.1", "127.0.0.1")]
    [InlineData("127.0.1", "127.0.0.1")]
    [InlineData("127.0.0.1.", "127.0.0.1")]
    [InlineData("017700000001", "127.0.0.1")]
    [InlineData("0", "0.0.0.0")]
    [InlineData("10.1", "10.0.0.1")]
    [InlineData("[::ffff:127.0.0.1]", "::ffff:127.0.0.1")]
    [InlineData("[::1]", "::1")]
    public void Hosts_are_read_as_a_resolver_reads_them(string host, string address)
        => Assert.Equal(IPAddress.Parse(address), HostLiteral.Parse(host));

    [Theory]
    [InlineData("example.com")]
    [InlineData("127.0.0.1.example.com")]
    [InlineData("0x7g.0.0.1")]
    [InlineData("08.0.0.1")]
    [InlineData("256.0.0.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("4294967296")]
    public void Names_and_impossible_numbers_are_not_addresses(string host) => Assert.Null(HostLiteral.Parse(host));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.20.30.40")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("240.0.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("198.18.0.1")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2002:7f00:1::")]
    [InlineData("2002:c0a8:101::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2001::1")]
    public void Non_public_addresses_are_refused(string address)
    {
        Assert.False(AddressRules.IsPublic(IPAddress.Parse(address), out var reason));
        Assert.NotEmpty(reason);
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void Public_addresses_pass(string address) => Assert.True(AddressRules.IsPublic(IPAddress.Parse(address), out _));

    [Fact]
    public void Allow_list_entries_are_host_names_or_ranges()
    {
        Assert.True(AllowList.TryParseEntry("127.0.0.1/32", out var range) && range.Range is not null);
        Assert.True(AllowList.TryParseEntry("::1/128", out var v6) && v6.Range is not null);
        Assert.True(AllowList.TryParseEntry("Hooks.Internal", out var name) && name.Host == "hooks.internal");
        Assert.False(AllowList.TryParseEntry("10.0.0.0/33", out _));
        Assert.False(AllowList.TryParseEntry("http://x/", out _));
        Assert.False(AllowList.TryParseEntry(" ", out _));
        Assert.True(IpRange.Parse("10.0.0.0/8").Contains(IPAddress.Parse("10.255.1.2")));
        Assert.False(IpRange.Parse("10.0.0.0/8").Contains(IPAddress.Parse("11.0.0.1")));
    }

    [Fact]
    public void Seed_004_signature_matches_a_value_computed_with_openssl()
    {
        // printf '%s' '{"id":"evt_1","event":"order.created"}' | openssl dgst -sha256 -hmac 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
        var body = Encoding.UTF8.GetBytes("{\"id\":\"evt_1\",\"event\":\"order.created\"}");
        const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string Expected = "sha256=148476cefad70c79405c70bf73f11a47666292e76dc9d2b836036606e49605a3";
        Assert.Equal(Expected, HexWebhookSignature.Sign(Secret, body));
        Assert.True(HexWebhookSignature.Verify(Secret, Expected, body));
        Assert.False(HexWebhookSignature.Verify(Secret, Expected.ToUpperInvariant(), body));
        Assert.False(HexWebhookSignature.Verify(Secret + "x", Expected, body));
        Assert.False(HexWebhookSignature.Verify(Secret, null, body));
    }

    [Fact]
    public void Retry_waits_follow_the_seed_schedule_within_the_jitter_then_stop()
    {
        var options = new WebhooksOptions();
        TimeSpan[] seed = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3)];
        for (var step = 1; step <= 5; step++)
        {
            Assert.Equal(seed[step - 1] * 0.9, RetrySchedule.Wait(step, options, 0)!.Value);
            Assert.Equal(seed[step - 1], RetrySchedule.Wait(step, options, 0.5)!.Value);
            Assert.Equal(seed[step - 1] * 1.1, RetrySchedule.Wait(step, options, 1)!.Value);
        }

        Assert.Null(RetrySchedule.Wait(6, options, 0.5));
        var now = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(120), RetrySchedule.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)), now));
        Assert.Equal(TimeSpan.FromHours(2), RetrySchedule.RetryAfter(new RetryConditionHeaderValue(now.AddHours(2)), now));
        Assert.Equal(RetrySchedule.MaxRetryAfter, RetrySchedule.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromDays(30)), now));
        Assert.Null(RetrySchedule.RetryAfter(null, now));
    }
}
