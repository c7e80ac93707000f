using Authsome.Accounts;
using Authsome.Errors;

namespace Authsome.Tests.Engine;

public sealed class InputRulesTests
{
    [Theory]
    [InlineData("Ada@Example.COM", "ada@example.com")]
    [InlineData("  first.last+tag@sub.example.org ", "first.last+tag@sub.example.org")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    public void AcceptsAndNormalisesEmails(string input, string expected) => Assert.Equal(expected, InputRules.Email(input));

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("two@@example.com")]
    [InlineData("a@b")]
    [InlineData("a@example.123")]
    [InlineData(".dot@example.com")]
    [InlineData("dot.@example.com")]
    [InlineData("do..t@example.com")]
    [InlineData("sp ace@example.com")]
    [InlineData("jörg@example.com")]
    [InlineData("a@-example.com")]
    [InlineData("a@exa_mple.com")]
    public void RefusesInvalidEmails(string input)
    {
        var error = Assert.Throws<AuthsomeException>(() => InputRules.Email(input));
        Assert.True(error.Error == AuthsomeErrors.EmailInvalid || error.Error == AuthsomeErrors.ValidationFailed);
    }

    [Fact]
    public void RefusesEmailsLongerThan254() =>
        Assert.Throws<AuthsomeException>(() => InputRules.Email(new string('a', 64) + "@" + new string('b', 190) + ".com"));

    [Theory]
    [InlineData("ab")]
    [InlineData("_leading")]
    [InlineData("has space")]
    [InlineData("josé")]
    [InlineData("0123456789012345678901234567890123")]
    public void RefusesInvalidUsernames(string input) =>
        Assert.Equal(AuthsomeErrors.ValidationFailed, Assert.Throws<AuthsomeException>(() => InputRules.Username(input)).Error);

    [Fact]
    public void NamesKeepUnicodeButNotControlCharacters()
    {
        Assert.Equal("Zoë 李", InputRules.Name("  Zoë 李  "));
        Assert.Null(InputRules.Name("   "));
        Assert.Throws<AuthsomeException>(() => InputRules.Name("a\u0007b"));
        Assert.Throws<AuthsomeException>(() => InputRules.Name("a\ud800b"));
    }

    [Fact]
    public void PasswordsAreNotTrimmedButAreBounded()
    {
        Assert.Equal("  spaced  ", InputRules.Password("  spaced  "));
        Assert.Throws<AuthsomeException>(() => InputRules.Password(new string('p', InputRules.MaxPasswordLength + 1)));
        Assert.Throws<AuthsomeException>(() => InputRules.Password(null));
    }
}
