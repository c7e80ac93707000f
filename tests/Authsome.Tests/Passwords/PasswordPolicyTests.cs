using Authsome.Passwords;
using Authsome.Passwords.DenyList;
using Microsoft.Extensions.Options;

namespace Authsome.Tests.Passwords;

public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = new(Options.Create(new AuthsomePasswordOptions()));

    [Theory]
    [InlineData("vK7#qz!m")] // exactly 8
    [InlineData("a perfectly ordinary passphrase")]
    [InlineData("ünïcødé!")] // 8 code points
    [InlineData("🔑🔒🗝️🔐🔏🛡️")] // 8 code points in 14 UTF-16 units, counted as 8
    public void AcceptsGoodPasswords(string password) =>
        Assert.Empty(Policy.Validate(password, "alice@example.com", "alice"));

    [Theory]
    [InlineData("")]
    [InlineData("vK7#qz!")]
    [InlineData("🔑🔒🔐🔏🔑🔒🔐")] // 7 code points, 14 UTF-16 units
    public void RefusesShortPasswords(string password) =>
        Assert.Equal([PasswordProblem.TooShort], Policy.Validate(password, null, null));

    [Fact]
    public void AcceptsPasswordsUpToTheMaximumAndRefusesLonger()
    {
        Assert.Empty(Policy.Validate(new string('x', 127) + "y", null, null));
        Assert.Equal([PasswordProblem.TooLong], Policy.Validate(new string('x', 128) + "y", null, null));
    }

    [Fact]
    public void HonoursConfiguredLengths()
    {
        var strict = new PasswordPolicy(Options.Create(new AuthsomePasswordOptions { MinLength = 12, MaxLength = 200 }));

        Assert.Equal([PasswordProblem.TooShort], strict.Validate("vK7#qz!mw2L", null, null));
        Assert.Empty(strict.Validate("vK7#qz!mw2Lp", null, null));
        Assert.Empty(strict.Validate(new string('z', 199) + "q", null, null));
        Assert.Equal([PasswordProblem.TooLong], strict.Validate(new string('z', 201), null, null));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("PassWord1")]
    [InlineData("iloveyou")]
    [InlineData("QWERTYUIOP")]
    [InlineData("1qaz2wsx")]
    [InlineData("trustno1")]
    public void RefusesCommonPasswordsIgnoringCase(string password) =>
        Assert.Equal([PasswordProblem.Common], Policy.Validate(password, null, null));

    [Fact]
    public void DenyListIsEmbeddedWhole() =>
        Assert.Equal(17_950, CommonPasswords.Count);

    [Theory]
    [InlineData("alice.liddell@example.com")]
    [InlineData("ALICE.LIDDELL@EXAMPLE.COM")]
    [InlineData("alice.liddell")]
    [InlineData("Alice.Liddell")]
    [InlineData("wonderland42")]
    [InlineData("WONDERLAND42")]
    public void RefusesTheUsersOwnEmailLocalPartOrUsername(string password) =>
        Assert.Equal([PasswordProblem.ContainsIdentity], Policy.Validate(password, "alice.liddell@example.com", "wonderland42"));

    [Fact]
    public void ReportsEveryProblem() =>
        Assert.Equal(
            [PasswordProblem.Common, PasswordProblem.ContainsIdentity],
            Policy.Validate("football", "football@example.com", null));

    [Fact]
    public void IgnoresMissingIdentity() =>
        Assert.Empty(Policy.Validate("alice.liddell", email: null, username: ""));
}
