using System.Net;
using System.Net.Sockets;
using Authsome.Accounts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Authsome.Webhooks;

/// <summary>
/// Where webhooks may point. At creation: an absolute http(s) URL without credentials, https outside Development, and
/// no private, loopback or link-local address literal (or <c>localhost</c>). At delivery: the host name is resolved and
/// only public addresses are connected to, so a name that resolves (or is rebound) to an internal address is refused
/// too. <c>Authsome:Webhooks:AllowPrivateNetworks</c> lifts the address rules.
/// </summary>
internal sealed class WebhookTargetPolicy(IOptionsMonitor<AuthsomeOptions> options, IHostEnvironment environment)
{
    private const int MaxUrlLength = 2048;

    private bool AllowPrivate => options.CurrentValue.Webhooks.AllowPrivateNetworks;

    /// <summary>The URL, checked; throws validation_failed naming <paramref name="field"/>.</summary>
    public string Validate(string? url, string field = "url")
    {
        var text = InputRules.Required(url, field).Trim();
        if (text.Length > MaxUrlLength || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw InputRules.Invalid(field, "An absolute http or https URL of at most 2048 characters.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment())
        {
            throw InputRules.Invalid(field, "Webhooks must use https.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw InputRules.Invalid(field, "Credentials in the URL are not allowed; verify the signature instead.");
        }

        if (!AllowPrivate && (uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && !IsPublic(address))))
        {
            throw InputRules.Invalid(field, "Private, loopback and link-local addresses are not allowed.");
        }

        return uri.AbsoluteUri;
    }

    /// <summary>Connects to the first reachable address of the target that the policy allows.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = AllowPrivate ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"The webhook host '{host}' has no public address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether an address is on the public internet (not private, loopback, link-local, shared, multicast or unspecified).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast || address.IsIPv6Teredo);
    }
}
