using Authsome.Hooks;
using Authsome.Security;

namespace Authsome.Tests.Engine;

public sealed class SecretTokensTests
{
    [Fact]
    public void TokensAre256BitBase64UrlAndUnique()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => SecretTokens.NewToken()).ToHashSet();

        Assert.Equal(1000, tokens.Count);
        Assert.All(tokens, t => Assert.True(SecretTokens.LooksLikeToken(t)));
        Assert.All(tokens, t => Assert.Equal(32, Convert.FromBase64String(t.Replace('-', '+').Replace('_', '/') + "=").Length));
    }

    [Fact]
    public void CodesHaveTheirDigitsAndKeepLeadingZeros()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => SecretTokens.NewCode(6)).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9]{6}$", c));
        Assert.Contains(codes, c => c[0] == '0');
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void RejectsWhatCannotBeAToken(string? value) => Assert.False(SecretTokens.LooksLikeToken(value));

    [Fact]
    public void ARefusalNeedsAReason()
    {
        Assert.False(HookResult.Continue.IsRefused);
        Assert.Equal("no", HookResult.Refuse("no").RefusalReason);
        Assert.Throws<ArgumentException>(() => HookResult.Refuse(" "));
    }
}
