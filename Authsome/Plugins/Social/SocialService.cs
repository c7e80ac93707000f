using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Plugins.Federation;
using Authsome.Security;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Social;

/// <summary>
/// Sign-in, sign-up and linking through identity providers. A flow starts by storing the hash of a random state
/// (single-use, <see cref="SocialOptions.StateTtl"/>) and giving the browser an encrypted cookie with that state, the
/// PKCE verifier and the nonce: the callback must come back in the same browser, once, in time. The provider's answer is
/// validated, then the user is found by their linked account, or linked by email only when the provider vouches for it,
/// or signed up. The client's allow-listed <c>redirect_uri</c> gets a one-time code (never a token) that
/// <c>POST /social/exchange</c> turns into a session.
/// </summary>
internal sealed partial class SocialService(
    SocialProviders providers,
    ISocialAccountStore accounts,
    ISocialGrantStore grants,
    IAuthsomeStore store,
    AppResolver apps,
    ExternalSignIn signIn,
    IDataProtectionProvider protection,
    IOptionsMonitor<SocialOptions> options,
    TimeProvider time,
    ILogger<SocialService> logger)
{
    /// <summary>The method name hooks and metrics see.</summary>
    public const string Method = "social";

    private readonly IDataProtector _browserBinding = protection.CreateProtector("Authsome.Social.State.v1");
    private readonly IDataProtector _providerTokens = protection.CreateProtector("Authsome.Social.ProviderTokens.v1");

    /// <summary>Starts a flow; <paramref name="linkingUser"/> is the signed-in user asking to link, or null to sign in.</summary>
    public async ValueTask<SocialStart> StartAsync(string providerName, string? redirectUri, Id<User>? linkingUser, string callbackBase, CancellationToken cancellationToken)
    {
        var provider = await OfferedAsync(providerName, cancellationToken);
        if (!RedirectUris.IsAllowed(options.CurrentValue.AllowedRedirectUris, redirectUri))
        {
            throw InputRules.Invalid("redirect_uri", "This redirect_uri is not allowed.");
        }

        var app = await apps.GetAsync(cancellationToken);
        var now = time.GetStoreNow();
        var state = SecretTokens.NewToken();
        var verifier = SecretTokens.NewToken();
        var nonce = SecretTokens.NewToken();
        await grants.CreateAsync(new SocialGrant
        {
            Id = Id<SocialGrant>.New(now),
            AppId = app.AppId,
            Kind = SocialGrantKind.State,
            TokenHash = SecretHash.Of(state),
            Provider = providerName,
            RedirectUri = redirectUri!,
            UserId = linkingUser,
            ExpiresAt = now + options.CurrentValue.StateTtl,
            CreatedAt = now,
        }, cancellationToken);
        Uri url;
        try
        {
            url = await provider.AuthorizationUrlAsync(new AuthorizationRequest(CallbackUrl(callbackBase, providerName), state, Challenge(verifier), nonce), cancellationToken);
        }
        catch (SocialFlowException ex)
        {
            LogFlowFailed(logger, ex, providerName, ex.Error);
            throw new AuthsomeException(SocialErrors.ProviderUnavailable, "The provider cannot be reached; try again later.");
        }

        var binding = _browserBinding.Protect(JsonSerializer.Serialize(new BrowserBinding(state, verifier, nonce)));
        return new SocialStart(url, binding);
    }

    /// <summary>
    /// Completes a flow and returns where to send the browser: the client's <c>redirect_uri</c> with a one-time <c>code</c>
    /// (or <c>linked</c>), or with an <c>error</c>. Throws <see cref="AuthsomeException"/> (social_state_invalid) when the
    /// state is missing, not this browser's, used or expired: then there is no trusted <c>redirect_uri</c> to go to.
    /// </summary>
    public async ValueTask<string> CallbackAsync(
        string providerName, string? binding, string? state, string? code, string? error, string callbackBase, CancellationToken cancellationToken)
    {
        var provider = await OfferedAsync(providerName, cancellationToken);
        var bound = Unbind(binding);
        if (bound is null || state is null || !FixedTimeEquals(bound.State, state))
        {
            throw StateInvalid("The sign-in attempt does not belong to this browser.");
        }

        var app = await apps.GetAsync(cancellationToken);
        var grant = await grants.ConsumeAsync(app.AppId, SocialGrantKind.State, SecretHash.Of(state), time.GetStoreNow(), cancellationToken);
        if (grant is null || grant.Provider != providerName)
        {
            throw StateInvalid("The sign-in attempt was already used or has expired.");
        }

        try
        {
            if (error is not null || string.IsNullOrEmpty(code))
            {
                throw new SocialFlowException(SocialErrors.ProviderError, $"The provider answered {error ?? "without a code"}.");
            }

            var identity = await provider.CompleteAsync(code, CallbackUrl(callbackBase, providerName), bound.Verifier, bound.Nonce, cancellationToken);
            if (grant.UserId is { } linking)
            {
                await LinkAsync(app, providerName, identity, linking, cancellationToken);
                return QueryHelpers.AddQueryString(grant.RedirectUri, "linked", providerName);
            }

            var user = await FindOrCreateUserAsync(app, providerName, identity, cancellationToken);
            var exchange = SecretTokens.NewToken();
            var now = time.GetStoreNow();
            await grants.CreateAsync(new SocialGrant
            {
                Id = Id<SocialGrant>.New(now),
                AppId = app.AppId,
                Kind = SocialGrantKind.ExchangeCode,
                TokenHash = SecretHash.Of(exchange),
                Provider = providerName,
                RedirectUri = grant.RedirectUri,
                UserId = user.Id,
                ExpiresAt = now + options.CurrentValue.ExchangeCodeTtl,
                CreatedAt = now,
            }, cancellationToken);
            return QueryHelpers.AddQueryString(grant.RedirectUri, "code", exchange);
        }
        catch (SocialFlowException ex)
        {
            LogFlowFailed(logger, ex, providerName, ex.Error);
            return QueryHelpers.AddQueryString(grant.RedirectUri, "error", ex.Error);
        }
    }

    /// <summary>Turns a one-time code into a session. Every failure is the same <c>verification_invalid</c>.</summary>
    public async ValueTask<(User User, IssuedSession Session)> ExchangeAsync(string code, ClientInfo client, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(cancellationToken);
        var grant = SecretTokens.LooksLikeToken(code)
            ? await grants.ConsumeAsync(app.AppId, SocialGrantKind.ExchangeCode, SecretHash.Of(code), time.GetStoreNow(), cancellationToken)
            : null;
        var user = grant?.UserId is { } userId ? await store.Users.GetAsync(userId, cancellationToken) : null;
        if (user is null)
        {
            throw new AuthsomeException(AuthsomeErrors.VerificationInvalid, "The code is invalid, used or expired.");
        }

        return (user, await signIn.SignInAsync(user, Method, client, cancellationToken));
    }

    /// <summary>The user's linked accounts.</summary>
    public ValueTask<IReadOnlyList<SocialAccount>> ListAsync(Id<User> userId, CancellationToken cancellationToken) =>
        accounts.ListByUserAsync(userId, cancellationToken);

    /// <summary>Unlinks one of the user's accounts, unless it is their last way to sign in.</summary>
    public async ValueTask UnlinkAsync(User user, string id, CancellationToken cancellationToken)
    {
        var linked = await accounts.ListByUserAsync(user.Id, cancellationToken);
        var target = Id<SocialAccount>.TryParse(id, out var accountId) ? linked.FirstOrDefault(a => a.Id == accountId) : null;
        if (target is null)
        {
            throw new AuthsomeException(AuthsomeErrors.NotFound, "No such linked account.");
        }

        if (user.PasswordHash is null && linked.Count == 1)
        {
            throw new AuthsomeException(SocialErrors.LastSignInMethod, "This is your only way to sign in: set a password or link another account first.");
        }

        await accounts.DeleteAsync(target.Id, cancellationToken);
    }

    /// <summary>The providers the app offers (every configured one that works, unless its client config names some), with the names to show.</summary>
    public async ValueTask<IReadOnlyList<(string Name, string DisplayName)>> OfferedProvidersAsync(CancellationToken cancellationToken)
    {
        var offered = await OfferedNamesAsync(cancellationToken);
        return [.. options.CurrentValue.Providers
            .Where(p => offered(p.Key))
            .Select(p => (p.Key, Resolved: ResolvedProvider.Resolve(p.Key, p.Value, out _)))
            .Where(p => p.Resolved is not null)
            .Select(p => (p.Key, p.Resolved!.DisplayName))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal)];
    }

    private async ValueTask<ISocialProvider> OfferedAsync(string name, CancellationToken cancellationToken) =>
        (await OfferedNamesAsync(cancellationToken))(name) && providers.Get(name) is { } provider
            ? provider
            : throw new AuthsomeException(SocialErrors.ProviderUnknown, $"No sign-in provider '{name}' is offered.");

    private async ValueTask<Func<string, bool>> OfferedNamesAsync(CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(cancellationToken);
        var offered = (await store.AppClientConfigs.GetAsync(app.AppId, cancellationToken))?.SocialProviders ?? [];
        return name => offered.IsDefaultOrEmpty || offered.Contains(name, StringComparer.Ordinal);
    }

    private async ValueTask<User> FindOrCreateUserAsync(AuthsomeApp app, string providerName, SocialIdentity identity, CancellationToken cancellationToken)
    {
        if (await accounts.GetBySubjectAsync(app.AppId, providerName, identity.Subject, cancellationToken) is { } account)
        {
            await KeepTokensAsync(account, identity, cancellationToken);
            return await store.Users.GetAsync(account.UserId, cancellationToken)
                ?? throw new SocialFlowException(SocialErrors.ProviderError, "The linked user no longer exists.");
        }

        // An email the provider does not vouch for proves nothing: it can neither claim an account nor make one.
        if (identity.Email is null || !identity.EmailVerified)
        {
            throw new SocialFlowException(SocialErrors.EmailUnverified, "The provider did not give a verified email.");
        }

        var user = await store.Users.GetByEmailAsync(app.AppId, app.EnvId, identity.Email, cancellationToken);
        if (user is not null)
        {
            user = await signIn.MarkEmailVerifiedAsync(user, cancellationToken);
        }
        else
        {
            if (!await signIn.SignUpAllowedAsync(null, cancellationToken))
            {
                throw new SocialFlowException(SocialErrors.SignUpDisabled, "Sign-up is disabled.");
            }

            user = await signIn.SignUpAsync(identity.Email, identity.Name, identity.Picture, Method, cancellationToken);
        }

        await CreateAccountAsync(app, providerName, identity, user.Id, cancellationToken);
        return user;
    }

    private async ValueTask LinkAsync(AuthsomeApp app, string providerName, SocialIdentity identity, Id<User> userId, CancellationToken cancellationToken)
    {
        if (await accounts.GetBySubjectAsync(app.AppId, providerName, identity.Subject, cancellationToken) is { } existing)
        {
            if (existing.UserId != userId)
            {
                throw new SocialFlowException(SocialErrors.AccountLinkedElsewhere, "The provider account is linked to another user.");
            }

            return;
        }

        await CreateAccountAsync(app, providerName, identity, userId, cancellationToken);
    }

    private async ValueTask CreateAccountAsync(AuthsomeApp app, string providerName, SocialIdentity identity, Id<User> userId, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        try
        {
            await accounts.CreateAsync(WithTokens(new SocialAccount
            {
                Id = Id<SocialAccount>.New(now),
                AppId = app.AppId,
                UserId = userId,
                Provider = providerName,
                Subject = identity.Subject,
                Email = identity.Email,
                CreatedAt = now,
                UpdatedAt = now,
            }, identity), cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw new SocialFlowException(SocialErrors.AccountLinkedElsewhere, "The provider account was linked by a concurrent request.");
        }
    }

    private async ValueTask KeepTokensAsync(SocialAccount account, SocialIdentity identity, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.KeepProviderTokens)
        {
            await accounts.UpdateAsync(WithTokens(account, identity) with { UpdatedAt = time.GetStoreNow() }, cancellationToken);
        }
    }

    private SocialAccount WithTokens(SocialAccount account, SocialIdentity identity) =>
        options.CurrentValue.KeepProviderTokens
            ? account with
            {
                ProtectedAccessToken = identity.AccessToken is { } access ? _providerTokens.Protect(access) : null,
                ProtectedRefreshToken = identity.RefreshToken is { } refresh ? _providerTokens.Protect(refresh) : account.ProtectedRefreshToken,
            }
            : account;

    private string CallbackUrl(string callbackBase, string providerName) =>
        $"{(options.CurrentValue.PublicBaseUrl ?? callbackBase).TrimEnd('/')}/social/{Uri.EscapeDataString(providerName)}/callback";

    private BrowserBinding? Unbind(string? binding)
    {
        if (string.IsNullOrEmpty(binding))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<BrowserBinding>(_browserBinding.Unprotect(binding));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static AuthsomeException StateInvalid(string detail) => new(SocialErrors.StateInvalid, detail);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Social sign-in with {Provider} failed: {Error}")]
    private static partial void LogFlowFailed(ILogger logger, Exception exception, string provider, string error);

    private sealed record BrowserBinding(string State, string Verifier, string Nonce);
}

/// <summary>A started flow: where to send the browser, and the value of the cookie that binds the flow to it.</summary>
internal sealed record SocialStart(Uri AuthorizationUrl, string BrowserBinding);
