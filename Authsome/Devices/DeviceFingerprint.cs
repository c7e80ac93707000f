using System.Security.Cryptography;
using System.Text;
using Authsome.Sessions;

namespace Authsome.Devices;

/// <summary>
/// How a device is recognised: the id the client sends in <c>X-Device-Id</c> (letters, digits, <c>-</c> and <c>_</c>,
/// up to 128), else a fingerprint of its User-Agent. The stored value is a SHA-256, so a client's own device id is
/// never kept as given.
/// </summary>
internal static class DeviceFingerprint
{
    public const string HeaderName = "X-Device-Id";
    private const int MaxDeviceIdLength = 128;

    /// <summary>The client-supplied device id when it is well formed, else null (ignored).</summary>
    public static string? ValidDeviceId(string? value) =>
        value is { Length: > 0 and <= MaxDeviceIdLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? value : null;

    public static string Of(ClientInfo client)
    {
        var source = client.DeviceId is { } id ? "id:" + id : "ua:" + (client.UserAgent ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
    }

    /// <summary>Browser, OS and kind of device read from a User-Agent, roughly (for people to recognise their devices, not for decisions).</summary>
    public static (string? Browser, string? Os, string Type) Describe(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return (null, null, "unknown");
        }

        string? browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => null,
        };
        string? os = userAgent switch
        {
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        var type = userAgent.Contains("Mobile", StringComparison.Ordinal) || os is "Android" or "iOS" ? "mobile" : "desktop";
        return (browser, os, type);
    }
}
