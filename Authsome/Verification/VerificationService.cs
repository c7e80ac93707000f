using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Hooks;
using Authsome.Messaging;
using Authsome.Security;
using Authsome.Store;
using Microsoft.Extensions.Options;

namespace Authsome.Verification;

/// <summary>
/// Email verification: a single-use link token and a 6-digit code, both stored only as hashes, short-lived, and
/// bound to the address they were sent to; the code is hashed with a server-side key (see
/// <see cref="VerificationCodeHasher"/>). Attempts are reserved before comparing, per code (past the limit it is
/// burnt) and per account across codes; resends are limited per account.
/// Every failure is the same <c>verification_invalid</c>, whether the account, the token or the code was wrong.
/// </summary>
internal sealed class VerificationService(
    IAuthsomeStore store,
    AppResolver apps,
    EmailOutbox outbox,
    OffRequestWork offRequest,
    HookRunner hooks,
    UnitOfWork units,
    VerificationCodeHasher codes,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time)
{
    private const int CodeDigits = 6;

    /// <summary>
    /// Replaces any outstanding verification of the user's email with a new one and mails it, at most
    /// <c>Authsome:RateLimits:PerAccount:VerificationResend</c> times per window (past it, nothing is sent).
    /// </summary>
    public async ValueTask SendAsync(User user, CancellationToken cancellationToken)
    {
        if (await MaySendAsync(user.AppId, user.Email, time.GetStoreNow(), cancellationToken))
        {
            await CreateAsync(user, cancellationToken);
        }
    }

    // Replaces any outstanding verification of the user's email with a new one and writes the mail that carries it, as
    // one unit of work (joining the sign-up's, when it is part of one): a code is never stored without its mail.
    private Task CreateAsync(User user, CancellationToken cancellationToken) => units.RunAsync(ct => StoreAndMailAsync(user, ct).AsTask(), cancellationToken);

    private async ValueTask StoreAndMailAsync(User user, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Verification;
        var now = time.GetStoreNow();
        await store.Verifications.ConsumeAllAsync(user.Id, VerificationType.Email, now, cancellationToken);
        var token = SecretTokens.NewToken();
        var code = SecretTokens.NewCode(CodeDigits);
        var id = Id<Store.Verification>.New(now);
        await store.Verifications.CreateAsync(new Store.Verification
        {
            Id = id,
            AppId = user.AppId,
            UserId = user.Id,
            Type = VerificationType.Email,
            Target = user.Email,
            TokenHash = SecretHash.Of(token),
            CodeHash = await codes.HashAsync(id, code, cancellationToken),
            ExpiresAt = now + settings.TokenTtl,
            CreatedAt = now,
        }, cancellationToken);
        await outbox.EnqueueAsync(AccountEmails.Verification(user.Email, token, code, settings.LinkTemplate, settings.TokenTtl), AccountEmails.Types.Verification, user, cancellationToken);
    }

    /// <summary>Sends a new verification when the address belongs to an unverified account; does nothing otherwise (the caller answers the same).</summary>
    public async ValueTask ResendAsync(string email, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(cancellationToken);
        var user = await store.Users.GetByEmailAsync(app.AppId, app.EnvId, email, cancellationToken);
        // The same counter write for every address; the verification itself is stored off the request path, so an
        // unverified account costs the request no more than an unknown one.
        if (await MaySendAsync(app.AppId, email, time.GetStoreNow(), cancellationToken) && user is { EmailVerified: false })
        {
            offRequest.Enqueue(stopping => new ValueTask(CreateAsync(user, stopping)));
        }
    }

    private async ValueTask<bool> MaySendAsync(Id<App> appId, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = options.CurrentValue.RateLimits.PerAccount.VerificationResend;
        var sent = await store.Counters.IncrementAsync($"resend:{appId}:{email.ToLowerInvariant()}", now, limit.Window, cancellationToken);
        return sent.Count <= limit.PermitLimit;
    }

    /// <summary>Verifies by the link's token.</summary>
    public async ValueTask<User> VerifyTokenAsync(string token, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("verify_email");
        if (!SecretTokens.LooksLikeToken(token))
        {
            throw Invalid(activity);
        }

        var now = time.GetStoreNow();
        var app = await apps.GetAsync(cancellationToken);
        var verification = await store.Verifications.GetByTokenHashAsync(SecretHash.Of(token), cancellationToken);
        if (verification is not { Type: VerificationType.Email, ConsumedAt: null } || verification.ExpiresAt <= now || verification.AppId != app.AppId)
        {
            throw Invalid(activity);
        }

        return await CompleteAsync(verification, now, activity, cancellationToken);
    }

    /// <summary>Verifies by the email and the typed code.</summary>
    public async ValueTask<User> VerifyCodeAsync(string email, string code, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("verify_email");
        var now = time.GetStoreNow();
        var app = await apps.GetAsync(cancellationToken);
        var user = await store.Users.GetByEmailAsync(app.AppId, app.EnvId, email, cancellationToken);
        // Attempts per account across every code sent (a resend does not give fresh guesses), counted before the
        // code is compared and for unknown addresses too, so parallel guesses get no more than the limit.
        var limit = options.CurrentValue.RateLimits.PerAccount.VerificationAttempts;
        var attemptsByAccount = await store.Counters.IncrementAsync($"verify:{app.AppId}:{email.ToLowerInvariant()}", now, limit.Window, cancellationToken);
        var verification = user is null ? null : await store.Verifications.GetActiveAsync(user.Id, VerificationType.Email, now, cancellationToken);
        var maxAttempts = options.CurrentValue.Verification.MaxCodeAttempts;
        if (verification?.CodeHash is not { } expected || attemptsByAccount.Count > limit.PermitLimit)
        {
            throw Invalid(activity);
        }

        // Reserved atomically before comparing: the count returned is this attempt's own.
        var attempt = await store.Verifications.IncrementAttemptsAsync(verification.Id, cancellationToken);
        if (attempt > maxAttempts)
        {
            throw Invalid(activity);
        }

        if (code.Length != CodeDigits || !code.All(char.IsAsciiDigit) || !await codes.MatchesAsync(expected, verification.Id, code, cancellationToken))
        {
            if (attempt >= maxAttempts)
            {
                // Burnt: guessing on is pointless, a new code must be requested.
                await store.Verifications.ConsumeAsync(verification.Id, now, cancellationToken);
            }

            throw Invalid(activity);
        }

        return await CompleteAsync(verification, now, activity, cancellationToken);
    }

    // Consuming the verification, marking the address verified and the user.updated event: one unit of work.
    private async ValueTask<User> CompleteAsync(Store.Verification verification, DateTimeOffset now, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var verified = await units.RunAsync(
            async ct =>
            {
                var user = await store.Users.GetAsync(verification.UserId, ct);
                // A link sent to an old address must not verify the new one.
                if (user is null || !string.Equals(verification.Target, user.Email, StringComparison.Ordinal)
                    || !await store.Verifications.ConsumeAsync(verification.Id, now, ct))
                {
                    throw Invalid(activity);
                }

                if (user.EmailVerified)
                {
                    return user;
                }

                var changed = await store.Users.ApplyAsync(user, u => u with { EmailVerified = true, UpdatedAt = now }, ct)
                    ?? throw Invalid(activity);
                await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserUpdateAsync), h => h.AfterUserUpdateAsync(changed, ct),
                    AuthsomeEvents.OfUser(AuthsomeEvents.UserUpdated, changed), ct);
                return changed;
            },
            cancellationToken);
        activity?.SetTag("authsome.user_id", verified.Id.ToString());
        activity.Succeed();
        return verified;
    }

    private static AuthsomeException Invalid(System.Diagnostics.Activity? activity)
    {
        activity.Fail(AuthsomeErrors.VerificationInvalid.Code);
        return new AuthsomeException(AuthsomeErrors.VerificationInvalid, "The verification link or code is invalid, used or expired.");
    }
}
