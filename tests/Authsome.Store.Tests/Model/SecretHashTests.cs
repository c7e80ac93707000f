namespace Authsome.Store.Tests.Model;

public sealed class SecretHashTests
{
    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Of_IsTheSha256OfTheUtf8Secret_AsLowerCaseHex(string secret, string expected) =>
        Assert.Equal(expected, SecretHash.Of(secret).Hex);

    [Fact]
    public void Of_HashesLongSecrets()
    {
        // The NIST vector for one million 'a' characters; long input takes the heap-buffer path.
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", SecretHash.Of(new string('a', 1_000_000)).Hex);
    }

    [Fact]
    public void Of_EncodesNonAsciiAsUtf8_WithoutNormalising()
    {
        Assert.Equal("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c", SecretHash.Of("\u00e9").Hex);
        Assert.NotEqual(SecretHash.Of("\u00e9"), SecretHash.Of("e\u0301"));
    }

    [Fact]
    public void Matches_IsTrueOnlyForTheSameSecret()
    {
        var hash = SecretHash.Of("correct horse battery staple");

        Assert.True(hash.Matches("correct horse battery staple"));
        Assert.False(hash.Matches("correct horse battery stapler"));
        Assert.False(hash.Matches(string.Empty));
        Assert.False(default(SecretHash).Matches("anything"));
    }

    [Fact]
    public void FromHex_RoundTrips_AndLowerCases()
    {
        var hash = SecretHash.Of("token");

        Assert.Equal(hash, SecretHash.FromHex(hash.Hex));
        Assert.Equal(hash, SecretHash.FromHex(hash.Hex.ToUpperInvariant()));
        Assert.Equal(hash.Hex, hash.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0")]
    [InlineData("za7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a ")]
    public void FromHex_RejectsAnythingButSixtyFourHexCharacters(string hex) =>
        Assert.Throws<FormatException>(() => SecretHash.FromHex(hex));

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => SecretHash.Of(null!));
        Assert.Throws<ArgumentNullException>(() => SecretHash.FromHex(null!));
    }
}
