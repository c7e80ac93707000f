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
/// bound to the address they were sent to. Wrong codes are counted; past the limit the verification is burnt.
/// Every failure is the same <c>verification_invalid</c>, whether the account, the token or the code was wrong.
/// </summary>
internal sealed class VerificationService(
    IAuthsomeStore store,
    AppResolver apps,
    EmailOutbox outbox,
    HookRunner hooks,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time)
{
    private const int CodeDigits = 6;

    /// <summary>Replaces any outstanding verification of the user's email with a new one and mails it.</summary>
    public async ValueTask SendAsync(User user, CancellationToken cancellationToken)
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
            CodeHash = CodeHash(id, code),
            ExpiresAt = now + settings.TokenTtl,
            CreatedAt = now,
        }, cancellationToken);
        outbox.Enqueue(AccountEmails.Verification(user.Email, token, code, settings.LinkTemplate, settings.TokenTtl));
    }

    /// <summary>Sends a new verification when the address belongs to an unverified account; does nothing otherwise (the caller answers the same).</summary>
    public async ValueTask ResendAsync(string email, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(cancellationToken);
        var user = await store.Users.GetByEmailAsync(app.AppId, app.EnvId, email, cancellationToken);
        if (user is { EmailVerified: false })
        {
            await SendAsync(user, cancellationToken);
        }
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
        var verification = user is null ? null : await store.Verifications.GetActiveAsync(user.Id, VerificationType.Email, now, cancellationToken);
        var maxAttempts = options.CurrentValue.Verification.MaxCodeAttempts;
        if (verification?.CodeHash is not { } expected || verification.Attempts >= maxAttempts)
        {
            throw Invalid(activity);
        }

        if (code.Length != CodeDigits || !code.All(char.IsAsciiDigit) || !expected.Matches(CodeText(verification.Id, code)))
        {
            if (await store.Verifications.IncrementAttemptsAsync(verification.Id, cancellationToken) >= maxAttempts)
            {
                // Burnt: guessing on is pointless, a new code must be requested.
                await store.Verifications.ConsumeAsync(verification.Id, now, cancellationToken);
            }

            throw Invalid(activity);
        }

        return await CompleteAsync(verification, now, activity, cancellationToken);
    }

    private async ValueTask<User> CompleteAsync(Store.Verification verification, DateTimeOffset now, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var user = await store.Users.GetAsync(verification.UserId, cancellationToken);
        // A link sent to an old address must not verify the new one.
        if (user is null || !string.Equals(verification.Target, user.Email, StringComparison.Ordinal)
            || !await store.Verifications.ConsumeAsync(verification.Id, now, cancellationToken))
        {
            throw Invalid(activity);
        }

        if (user.EmailVerified)
        {
            activity.Succeed();
            return user;
        }

        var verified = user with { EmailVerified = true, UpdatedAt = now };
        await store.Users.UpdateAsync(verified, cancellationToken);
        activity?.SetTag("authsome.user_id", user.Id.ToString());
        activity.Succeed();
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserUpdateAsync), h => h.AfterUserUpdateAsync(verified, cancellationToken));
        return verified;
    }

    private static SecretHash CodeHash(Id<Store.Verification> id, string code) => SecretHash.Of(CodeText(id, code));

    // Salting with the verification id keeps equal codes of different users from sharing a hash.
    private static string CodeText(Id<Store.Verification> id, string code) => $"{id}:{code}";

    private static AuthsomeException Invalid(System.Diagnostics.Activity? activity)
    {
        activity.Fail(AuthsomeErrors.VerificationInvalid.Code);
        return new AuthsomeException(AuthsomeErrors.VerificationInvalid, "The verification link or code is invalid, used or expired.");
    }
}
