using System.Net;
using Authsome.Webhooks;

namespace Authsome.Tests.MachineAccess;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.5", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void OnlyPublicAddressesArePublic(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookTargetPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("user.created", "user.created", true)]
    [InlineData("user.*", "user.deleted", true)]
    [InlineData("*", "org.created", true)]
    [InlineData("user.*", "users.created", false)]
    [InlineData("user.created", "user.created_extra", false)]
    [InlineData("org.*", "user.created", false)]
    public void SubscriptionsMatchExactFamiliesAndEverything(string subscribed, string type, bool matches) =>
        Assert.Equal(matches, WebhookEventTypes.Matches([subscribed], type));

    [Fact]
    public void SignaturesFollowStandardWebhooks()
    {
        // The example of the Standard Webhooks specification's reference libraries.
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var signature = WebhookSignature.Sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", DateTimeOffset.FromUnixTimeSeconds(1614265330), "{\"test\": 2432232314}");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }
}
