using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Authsome.Plugins.Mfa.Totp;

/// <summary>
/// Seals TOTP secrets with ASP.NET Core Data Protection (authenticated encryption under the operator's key ring), so
/// a copy of the database alone yields no usable secret. The purpose string isolates these payloads from every other
/// protector of the application.
/// </summary>
internal sealed class TotpSecretProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "Authsome.Mfa.TotpSecret.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string base32Secret) => _protector.Protect(base32Secret);

    /// <summary>The secret, or null when the payload cannot be opened (lost or rotated-out keys, tampering).</summary>
    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
