using Microsoft.Playwright;

namespace Authsome.Api.Tests.Passkeys;

/// <summary>
/// Chromium's virtual authenticator (DevTools <c>WebAuthn.addVirtualAuthenticator</c>) for a page: a platform
/// authenticator that keeps discoverable credentials and verifies the user at once. Shared with the pages' tests.
/// </summary>
public static class VirtualAuthenticator
{
    public static async Task AddAsync(IPage page)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }
}
