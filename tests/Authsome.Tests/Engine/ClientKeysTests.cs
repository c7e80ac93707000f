using Authsome.Security;

namespace Authsome.Tests.Engine;

public sealed class ClientKeysTests
{
    [Theory]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData(null, "unknown")]
    [InlineData("not an address", "unknown")]
    public void IPv6IsGroupedByItsSlash64(string? address, string expected) => Assert.Equal(expected, ClientKeys.Of(address));
}
