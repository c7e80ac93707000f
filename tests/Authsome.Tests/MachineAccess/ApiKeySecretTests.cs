using Authsome.ApiKeys;

namespace Authsome.Tests.MachineAccess;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void NewKeysHaveTheModePrefixAnd43Base62Characters_AndDiffer()
    {
        var live = ApiKeySecret.New(live: true);
        var test = ApiKeySecret.New(live: false);

        Assert.StartsWith("sk_live_", live, StringComparison.Ordinal);
        Assert.StartsWith("sk_test_", test, StringComparison.Ordinal);
        Assert.All(new[] { live, test }, key =>
        {
            Assert.Equal(51, key.Length);
            Assert.True(ApiKeySecret.IsWellFormed(key));
            Assert.All(key[8..], c => Assert.True(char.IsAsciiLetterOrDigit(c)));
        });
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => ApiKeySecret.New(live: true)).Distinct().Count());
        Assert.Equal(live[..16], ApiKeySecret.VisiblePrefix(live));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sk_live_")]
    [InlineData("sk_live_abc")]
    [InlineData("sk_prod_0123456789012345678901234567890123456789012")]
    [InlineData("sk_live_012345678901234567890123456789012345678901_")]
    [InlineData("sk_live_0123456789012345678901234567890123456789012X")]
    [InlineData("SK_LIVE_0123456789012345678901234567890123456789012")]
    public void MalformedKeysAreRefused(string? value) => Assert.False(ApiKeySecret.IsWellFormed(value));
}
