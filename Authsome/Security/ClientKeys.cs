using System.Net;
using System.Net.Sockets;

namespace Authsome.Security;

/// <summary>
/// The key a client is counted under by rate limits and lockout: an IPv4 address as it is, an IPv6 address by its
/// /64 network (one subscriber usually gets a whole /64, so counting single IPv6 addresses would give an attacker
/// endless fresh ones), an IPv4-mapped IPv6 address as the IPv4 address it maps.
/// </summary>
internal static class ClientKeys
{
    private const string Unknown = "unknown";

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static string Of(string? address) =>
        address is not null && IPAddress.TryParse(address, out var parsed) ? Of(parsed) : Unknown;
}
