using Authsome.Plugins.Passkeys.Store;
using Authsome.Plugins.Social;
using Authsome.Store;

namespace Authsome.Pages;

/// <summary>
/// What the account page shows. A plugin's section is null when its plugin is not added, so the page leaves it out.
/// </summary>
public sealed record AccountView
{
    /// <summary>The signed-in user.</summary>
    public required User User { get; init; }

    /// <summary>The session of this request.</summary>
    public required Id<Session> CurrentSessionId { get; init; }

    /// <summary>The device this browser signed in from, if recorded.</summary>
    public Id<Device>? CurrentDeviceId { get; init; }

    /// <summary>The app's sign-up fields, to label the user's answers.</summary>
    public IReadOnlyList<FormField> Fields { get; init; } = [];

    /// <summary>The user's active sessions.</summary>
    public IReadOnlyList<Session> Sessions { get; init; } = [];

    /// <summary>The devices the user signed in from.</summary>
    public IReadOnlyList<Device> Devices { get; init; } = [];

    /// <summary>The user's API keys (never their secrets).</summary>
    public IReadOnlyList<ApiKey> ApiKeys { get; init; } = [];

    /// <summary>Whether TOTP is on and how many recovery codes are left (MFA plugin).</summary>
    public (bool Enabled, int RecoveryCodesLeft)? Mfa { get; init; }

    /// <summary>The user's passkeys (passkey plugin).</summary>
    public IReadOnlyList<Passkey>? Passkeys { get; init; }

    /// <summary>Where the passkey script asks the engine for registration options (passkey plugin).</summary>
    public string? PasskeyOptionsUrl { get; init; }

    /// <summary>The user's linked social accounts (social plugin).</summary>
    public IReadOnlyList<SocialAccount>? LinkedAccounts { get; init; }

    /// <summary>The names to show for the providers the app offers, by provider key.</summary>
    public IReadOnlyDictionary<string, string> ProviderNames { get; init; } = new Dictionary<string, string>();
}
