using Authsome.Hooks;
using Authsome.Accounts;
using Authsome.Errors;
using Authsome.Lockout;
using Authsome.Passwords;
using Authsome.Plugins.Mfa.Store;
using Authsome.Plugins.Mfa.Totp;
using Authsome.Plugins.Password;
using Authsome.Security;
using Authsome.Sessions;
using Authsome.Store;
using Authsome.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Mfa;

/// <summary>
/// TOTP enrollment, confirmation and removal, recovery codes, and the sign-in challenge. A code is accepted once per
/// time step (the store's compare-and-swap on the last used step refuses replays, concurrent ones too), within
/// <see cref="MfaOptions.AllowedDriftSteps"/> of now. Every wrong code counts towards the account's lockout.
/// </summary>
internal sealed partial class MfaService(
    IMfaStore store,
    IAuthsomeStore core,
    MfaTickets tickets,
    TotpSecretProtector protector,
    IAuthsomeEngine engine,
    LockoutService lockout,
    HookRunner hooks,
    MfaTrustedDevices trustedDevices,
    AuthsomeMetrics metrics,
    IOptionsMonitor<MfaOptions> options,
    TimeProvider time,
    ILogger<MfaService> logger,
    PasswordService? passwords = null)
{
    /// <summary>The second factors a challenge accepts.</summary>
    public static readonly IReadOnlyList<string> Methods = ["totp", "recovery_code"];

    // Signed-in operations (enroll, disable, regenerate) count their tries in one bucket per account.
    private static readonly string SignedInClient = ClientKeys.Of((string?)null);

    /// <summary>Starts (or restarts) enrollment for a signed-in user, after re-checking their password.</summary>
    public async ValueTask<TotpEnrollment> EnrollAsync(User user, string? password, CancellationToken cancellationToken)
    {
        await RecheckPasswordAsync(user, password, cancellationToken);
        return await StartEnrollmentAsync(user, cancellationToken);
    }

    /// <summary>Starts enrollment with an enrollment-only ticket from sign-in (the password was just checked there).</summary>
    public async ValueTask<TotpEnrollment> EnrollAsync(string? ticketToken, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetAsync(ticketToken, MfaTicketPurpose.Enrollment, cancellationToken);
        return await StartEnrollmentAsync(await UserOfAsync(ticket, cancellationToken), cancellationToken);
    }

    /// <summary>Turns TOTP on with a first code; returns the recovery codes (shown only now).</summary>
    public async ValueTask<IReadOnlyList<string>> ConfirmAsync(User user, string? code, CancellationToken cancellationToken)
    {
        var factor = await store.GetTotpAsync(user.Id, cancellationToken);
        if (factor is null || factor.ConfirmedAt is not null)
        {
            throw new AuthsomeException(factor is null ? MfaErrors.NotEnabled : MfaErrors.AlreadyEnabled,
                factor is null ? "Start with POST /mfa/totp/enroll." : null);
        }

        var now = time.GetStoreNow();
        if (MatchStep(factor, InputRules.Required(code, "code"), now) is not { } step
            || !await store.ConfirmTotpAsync(factor.Id, step, now, cancellationToken))
        {
            throw new AuthsomeException(MfaErrors.CodeInvalid);
        }

        var codes = await ReplaceRecoveryCodesAsync(user, now, cancellationToken);
        LogEnabled(logger, user.Id.ToString());
        await hooks.AfterAsync(nameof(IMfaHooks.AfterMfaEnabledAsync), h => h is IMfaHooks m ? m.AfterMfaEnabledAsync(user, cancellationToken) : ValueTask.CompletedTask,
            MfaEvents.Of(MfaEvents.Enabled, user), cancellationToken);
        return codes;
    }

    /// <summary>Confirms with an enrollment-only ticket, which completes the held-back sign-in.</summary>
    public async ValueTask<(IReadOnlyList<string> RecoveryCodes, SignInOutcome SignIn)> ConfirmAsync(string? ticketToken, string? code, ClientInfo client, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetAsync(ticketToken, MfaTicketPurpose.Enrollment, cancellationToken);
        var user = await UserOfAsync(ticket, cancellationToken);
        IReadOnlyList<string> codes;
        try
        {
            codes = await ConfirmAsync(user, code, cancellationToken);
        }
        catch (AuthsomeException ex) when (ex.Error == MfaErrors.CodeInvalid)
        {
            await tickets.RecordFailureAsync(ticket, cancellationToken);
            throw;
        }

        await tickets.ConsumeAsync(ticket, cancellationToken);
        return (codes, (await engine.SignInMultiFactorAsync(user, ticket.Method, client, cancellationToken)).GetValueOrThrow());
    }

    /// <summary>Turns TOTP off; needs a current code or a recovery code.</summary>
    public async ValueTask DisableAsync(User user, string? code, string? recoveryCode, CancellationToken cancellationToken)
    {
        var factor = await ConfirmedFactorAsync(user, cancellationToken);
        await RequireSecondFactorAsync(user, factor, code, recoveryCode, cancellationToken);
        await store.DeleteTotpAsync(user.Id, cancellationToken);
        LogDisabled(logger, user.Id.ToString());
        await hooks.AfterAsync(nameof(IMfaHooks.AfterMfaDisabledAsync), h => h is IMfaHooks m ? m.AfterMfaDisabledAsync(user, cancellationToken) : ValueTask.CompletedTask,
            MfaEvents.Of(MfaEvents.Disabled, user), cancellationToken);
    }

    /// <summary>Replaces the recovery codes (the old ones stop working); needs a current code or a recovery code.</summary>
    public async ValueTask<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(User user, string? code, string? recoveryCode, CancellationToken cancellationToken)
    {
        var factor = await ConfirmedFactorAsync(user, cancellationToken);
        await RequireSecondFactorAsync(user, factor, code, recoveryCode, cancellationToken);
        return await ReplaceRecoveryCodesAsync(user, time.GetStoreNow(), cancellationToken);
    }

    /// <summary>Whether TOTP is on for the user, and how many recovery codes are left.</summary>
    public async ValueTask<(bool Enabled, int RecoveryCodesLeft)> StatusAsync(User user, CancellationToken cancellationToken)
    {
        var factor = await store.GetTotpAsync(user.Id, cancellationToken);
        return factor?.ConfirmedAt is null ? (false, 0) : (true, await store.CountRecoveryCodesAsync(user.Id, cancellationToken));
    }

    /// <summary>
    /// Answers the second-factor challenge of a held-back sign-in; on success the session is issued, and with
    /// <paramref name="trustDevice"/> its device is trusted (see <see cref="MfaTrustedDevices"/>).
    /// </summary>
    public async ValueTask<SignInOutcome> ChallengeAsync(string? ticketToken, string? code, string? recoveryCode, bool trustDevice, ClientInfo client, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("mfa.challenge");
        var ticket = await tickets.GetAsync(ticketToken, MfaTicketPurpose.Challenge, cancellationToken);
        var user = await UserOfAsync(ticket, cancellationToken);
        activity?.SetTag("authsome.user_id", user.Id.ToString());
        var factor = await store.GetTotpAsync(user.Id, cancellationToken);
        if (factor?.ConfirmedAt is null)
        {
            // MFA was turned off since the ticket was issued: the ticket no longer means anything.
            await store.DeleteTicketAsync(ticket.Id, cancellationToken);
            throw new AuthsomeException(MfaErrors.TicketInvalid);
        }

        // Every try counts towards the lockout; a locked client gets no verdict on its code, like a password during lockout.
        var clientKey = ClientKeys.Of(client.IpAddress);
        if (!await MayTryAsync(user, clientKey, cancellationToken) || !await VerifyAsync(user, factor, code, recoveryCode, cancellationToken))
        {
            var attempts = await tickets.RecordFailureAsync(ticket, cancellationToken);
            metrics.SignInFailed("mfa_code_invalid");
            activity.Fail(MfaErrors.CodeInvalid.Code);
            await hooks.AfterAsync(nameof(IMfaHooks.AfterMfaChallengeFailedAsync),
                h => h is IMfaHooks m ? m.AfterMfaChallengeFailedAsync(user, attempts, cancellationToken) : ValueTask.CompletedTask,
                MfaEvents.ChallengeFailedBy(user, attempts), cancellationToken);
            throw new AuthsomeException(MfaErrors.CodeInvalid, null, new Dictionary<string, object?>
            {
                ["attempts_left"] = Math.Max(0, options.CurrentValue.TicketMaxAttempts - attempts),
            });
        }

        await tickets.ConsumeAsync(ticket, cancellationToken);
        await lockout.SucceededAsync(user.Id.ToString(), clientKey, cancellationToken);
        activity.Succeed();
        var signedIn = (await engine.SignInMultiFactorAsync(user, ticket.Method, client, cancellationToken)).GetValueOrThrow();
        if (trustDevice)
        {
            await trustedDevices.TrustAsync(signedIn.Session.Session, client, cancellationToken);
        }

        return signedIn;
    }

    private async ValueTask<TotpEnrollment> StartEnrollmentAsync(User user, CancellationToken cancellationToken)
    {
        var existing = await store.GetTotpAsync(user.Id, cancellationToken);
        if (existing?.ConfirmedAt is not null)
        {
            throw new AuthsomeException(MfaErrors.AlreadyEnabled, "Disable TOTP before enrolling a new authenticator.");
        }

        var now = time.GetStoreNow();
        var secret = TotpAuthenticator.NewSecret();
        await store.SaveTotpAsync(new TotpFactor
        {
            Id = Id<TotpFactor>.New(now),
            AppId = user.AppId,
            UserId = user.Id,
            ProtectedSecret = protector.Protect(secret),
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        var uri = TotpAuthenticator.Uri(options.CurrentValue.Issuer, user.Email, secret);
        return new TotpEnrollment(secret, uri, TotpAuthenticator.QrSvg(uri));
    }

    private async ValueTask RecheckPasswordAsync(User user, string? passwordInput, CancellationToken cancellationToken)
    {
        if (user.PasswordHash is not { } hash || passwords is null)
        {
            // An account without a password signed in with a method that has no secret to re-enter.
            return;
        }

        var password = InputRules.Password(passwordInput);
        if (!await MayTryAsync(user, SignedInClient, cancellationToken) || await passwords.VerifyAsync(password, hash, cancellationToken) == PasswordVerificationResult.Failed)
        {
            throw new AuthsomeException(AuthsomeErrors.CurrentPasswordInvalid);
        }

        // A proof that held clears the tries it reserved, as a finished sign-in does; only failures add up to a lock.
        await lockout.SucceededAsync(user.Id.ToString(), SignedInClient, cancellationToken);
    }

    private async ValueTask RequireSecondFactorAsync(User user, TotpFactor factor, string? code, string? recoveryCode, CancellationToken cancellationToken)
    {
        if (!await MayTryAsync(user, SignedInClient, cancellationToken) || !await VerifyAsync(user, factor, code, recoveryCode, cancellationToken))
        {
            throw new AuthsomeException(MfaErrors.CodeInvalid);
        }

        await lockout.SucceededAsync(user.Id.ToString(), SignedInClient, cancellationToken);
    }

    private async ValueTask<bool> VerifyAsync(User user, TotpFactor factor, string? code, string? recoveryCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) == string.IsNullOrWhiteSpace(recoveryCode))
        {
            throw AuthsomeException.Validation(new Dictionary<string, string[]> { ["code"] = ["Give either a code or a recovery_code."] });
        }

        var now = time.GetStoreNow();
        if (code is not null && !string.IsNullOrWhiteSpace(code))
        {
            return MatchStep(factor, code.Trim(), now) is { } step && await store.TryUseStepAsync(factor.Id, step, now, cancellationToken);
        }

        return RecoveryCodes.Hash(recoveryCode!) is { } hash && await store.UseRecoveryCodeAsync(user.Id, hash, now, cancellationToken);
    }

    private long? MatchStep(TotpFactor factor, string code, DateTimeOffset now)
    {
        if (protector.Unprotect(factor.ProtectedSecret) is not { } secret)
        {
            LogSecretUnreadable(logger, factor.UserId.ToString());
            return null;
        }

        return TotpAuthenticator.Verify(secret, code, now, options.CurrentValue.AllowedDriftSteps);
    }

    private async ValueTask<TotpFactor> ConfirmedFactorAsync(User user, CancellationToken cancellationToken) =>
        await store.GetTotpAsync(user.Id, cancellationToken) is { ConfirmedAt: not null } factor
            ? factor
            : throw new AuthsomeException(MfaErrors.NotEnabled);

    private async ValueTask<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (codes, rows) = RecoveryCodes.Generate(user.Id, options.CurrentValue.RecoveryCodeCount, now);
        await store.ReplaceRecoveryCodesAsync(user.Id, rows, cancellationToken);
        return codes;
    }

    private async ValueTask<User> UserOfAsync(MfaTicket ticket, CancellationToken cancellationToken)
    {
        var user = await core.Users.GetAsync(ticket.UserId, cancellationToken);
        if (user is null || user.IsBanned(time.GetStoreNow()))
        {
            throw new AuthsomeException(MfaErrors.TicketInvalid);
        }

        return user;
    }

    // Counts an attempt (right or wrong) towards the lockout; false when this client is locked out of the account.
    private async ValueTask<bool> MayTryAsync(User user, string clientKey, CancellationToken cancellationToken) =>
        !(await lockout.ReserveAsync(user.Id.ToString(), clientKey, user, cancellationToken)).IsLocked;

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "User {UserId} turned TOTP on")]
    private static partial void LogEnabled(ILogger logger, string userId);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "User {UserId} turned TOTP off")]
    private static partial void LogDisabled(ILogger logger, string userId);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Error, Message = "The TOTP secret of user {UserId} cannot be decrypted: the data-protection keys that sealed it are not available")]
    private static partial void LogSecretUnreadable(ILogger logger, string userId);
}

/// <summary>A started enrollment: the secret (shown once, for manual entry), its otpauth URI and that URI as an SVG QR code.</summary>
internal sealed record TotpEnrollment(string Secret, string OtpAuthUri, string QrSvg);
