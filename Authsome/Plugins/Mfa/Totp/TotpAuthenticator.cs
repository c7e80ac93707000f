using OtpNet;
using QRCoder;

namespace Authsome.Plugins.Mfa.Totp;

/// <summary>
/// RFC 6238 codes through Otp.NET: 160-bit secrets, six digits, 30-second steps, HMAC-SHA1 (what every authenticator
/// app reads from an <c>otpauth://</c> URI), accepted one step either side of now for clock drift.
/// </summary>
internal static class TotpAuthenticator
{
    /// <summary>Seconds in one time step.</summary>
    public const int StepSeconds = 30;

    /// <summary>Digits in a code.</summary>
    public const int Digits = 6;

    private const int SecretBytes = 20;

    /// <summary>A new random secret, base32 without padding (the form authenticator apps take).</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes)).TrimEnd('=');

    /// <summary>The time step a code matched, within <paramref name="driftSteps"/> steps of <paramref name="now"/>; null when it matches none.</summary>
    public static long? Verify(string base32Secret, string code, DateTimeOffset now, int driftSteps)
    {
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(base32Secret), StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(driftSteps, driftSteps)) ? step : null;
    }

    /// <summary>The code for <paramref name="at"/> (tests and tools; the server never needs to show one).</summary>
    public static string Compute(string base32Secret, DateTimeOffset at) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(base32Secret), StepSeconds, OtpHashMode.Sha1, Digits).ComputeTotp(at.UtcDateTime);

    /// <summary>The Key Uri Format authenticator apps scan: <c>otpauth://totp/Issuer:account?secret=...&amp;issuer=...</c>.</summary>
    public static string Uri(string issuer, string account, string base32Secret)
    {
        var label = System.Uri.EscapeDataString(issuer) + ":" + System.Uri.EscapeDataString(account);
        return $"otpauth://totp/{label}?secret={base32Secret}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
    }

    /// <summary>The URI as an SVG QR code (medium error correction), ready to inline in a page.</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
