using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Messaging;
using Authsome.Plugins.Federation;
using Authsome.Security;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.MagicLink;

/// <summary>
/// Passwordless sign-in by a link mailed to the address. Asking for a link answers the same whatever happens (an
/// account or not, sign-up allowed or not, the address over its limit or not), so it reveals nothing. The link's
/// token is 256 random bits stored only as its hash, works once and for <see cref="MagicLinkOptions.TokenTtl"/>;
/// opening it signs the owner in, or creates their account when the app allows sign-up.
/// </summary>
internal sealed partial class MagicLinkService(
    IMagicLinkStore links,
    IAuthsomeStore store,
    AppResolver apps,
    ExternalSignIn signIn,
    EmailOutbox outbox,
    UnitOfWork units,
    IOptionsMonitor<MagicLinkOptions> options,
    TimeProvider time,
    ILogger<MagicLinkService> logger)
{
    /// <summary>The method name hooks and metrics see.</summary>
    public const string Method = "magic_link";

    /// <summary>Mails a link to <paramref name="email"/> when there is someone to sign in (or sign up) and the address is under its limit.</summary>
    public async ValueTask RequestAsync(string email, string? redirectUri, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("magic_link.request");
        var settings = options.CurrentValue;
        if (redirectUri is not null && !RedirectUris.IsAllowed(settings.AllowedRedirectUris, redirectUri))
        {
            throw InputRules.Invalid("redirect_uri", "This redirect_uri is not allowed.");
        }

        var app = await apps.GetAsync(cancellationToken);
        var now = time.GetStoreNow();
        var user = await store.Users.GetByEmailAsync(app.AppId, app.EnvId, email, cancellationToken);
        if (user is null && !await signIn.SignUpAllowedAsync(c => c.MagicLinkEnabled, cancellationToken))
        {
            activity.Succeed();
            return;
        }

        if (await links.CountSentSinceAsync(app.AppId, email, now - settings.EmailWindow, cancellationToken) >= settings.MaxPerEmail)
        {
            LogOverLimit(logger, settings.MaxPerEmail);
            activity.Succeed();
            return;
        }

        var token = SecretTokens.NewToken();
        // The link and its mail: one unit of work, so a link is never stored unmailed nor mailed unstored.
        await units.RunAsync(
            async ct =>
            {
                await links.CreateAsync(new MagicLinkToken
                {
                    Id = Id<MagicLinkToken>.New(now),
                    AppId = app.AppId,
                    Email = email,
                    TokenHash = SecretHash.Of(token),
                    RedirectUri = redirectUri,
                    ExpiresAt = now + settings.TokenTtl,
                    CreatedAt = now,
                }, ct);
                await outbox.EnqueueAsync(MagicLinkEmails.SignIn(email, token, settings.LinkTemplate, settings.TokenTtl), MagicLinkEmails.Type, app.AppId, ct);
            },
            cancellationToken);
        activity.Succeed();
    }

    /// <summary>Signs in by a link's token. Every failure is the same <c>verification_invalid</c>.</summary>
    public async ValueTask<MagicLinkSignIn> VerifyAsync(string token, ClientInfo client, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("magic_link.verify");
        if (!SecretTokens.LooksLikeToken(token))
        {
            throw Invalid(activity);
        }

        var app = await apps.GetAsync(cancellationToken);
        var link = await links.ConsumeAsync(app.AppId, SecretHash.Of(token), time.GetStoreNow(), cancellationToken);
        if (link is null)
        {
            throw Invalid(activity);
        }

        var user = await store.Users.GetByEmailAsync(app.AppId, app.EnvId, link.Email, cancellationToken);
        if (user is null)
        {
            // Sign-up may have been turned off since the link was sent.
            if (!await signIn.SignUpAllowedAsync(c => c.MagicLinkEnabled, cancellationToken))
            {
                throw Invalid(activity);
            }

            user = await signIn.SignUpAsync(link.Email, null, null, Method, cancellationToken);
        }
        else
        {
            user = await signIn.MarkEmailVerifiedAsync(user, cancellationToken);
        }

        var issued = await signIn.SignInAsync(user, Method, client, cancellationToken);
        activity.Succeed();
        return new MagicLinkSignIn(user, issued, link.RedirectUri);
    }

    private static AuthsomeException Invalid(System.Diagnostics.Activity? activity)
    {
        activity.Fail(AuthsomeErrors.VerificationInvalid.Code);
        return new AuthsomeException(AuthsomeErrors.VerificationInvalid, "The sign-in link is invalid, used or expired.");
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "A magic link was not sent: the address reached its limit of {Limit} links")]
    private static partial void LogOverLimit(ILogger logger, int limit);
}

/// <summary>A completed magic-link sign-in.</summary>
internal sealed record MagicLinkSignIn(User User, IssuedSession Session, string? RedirectUri);
