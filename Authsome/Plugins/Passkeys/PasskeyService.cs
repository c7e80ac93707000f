using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Plugins.Passkeys.Store;
using Authsome.Sessions;
using Authsome.Store;
using Authsome.Telemetry;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Passkeys;

/// <summary>
/// WebAuthn registration and sign-in through Fido2: options with a fresh challenge (kept, single use, expiring), and
/// verification of the authenticator's answer against them, the configured origins and relying party id, the stored
/// public key and the signature counter. Passkeys are discoverable (resident) credentials, so sign-in needs no
/// username. A passkey sign-in satisfies MFA.
/// </summary>
internal sealed partial class PasskeyService(
    IPasskeyStore store,
    IAuthsomeStore core,
    AppResolver apps,
    IAuthsomeEngine engine,
    IOptionsMonitor<PasskeyOptions> options,
    AuthsomeMetrics metrics,
    TimeProvider time,
    ILogger<PasskeyService> logger)
{
    /// <summary>The sign-in method name in hooks and metrics.</summary>
    public const string Method = "passkey";

    private const int MaxNameLength = 64;

    /// <summary>Creation options for a new passkey of <paramref name="user"/>, as WebAuthn JSON.</summary>
    public async ValueTask<string> RegistrationOptionsAsync(User user, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var existing = await store.ListByUserAsync(user.Id, cancellationToken);
        var created = Fido2().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserHandle(user.Id), Name = user.Email, DisplayName = user.Name ?? user.Email },
            ExcludeCredentials = [.. existing.Select(p => new PublicKeyCredentialDescriptor(p.CredentialId))],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = settings.UserVerification,
            },
            AttestationPreference = settings.Attestation,
        });
        return await SaveChallengeAsync(user.AppId, user.Id, PasskeyCeremony.Registration, created.Challenge, created.ToJson(), cancellationToken);
    }

    /// <summary>Verifies a new credential (the JSON of <c>credential.toJSON()</c>) and stores it for <paramref name="user"/>.</summary>
    public async ValueTask<Passkey> RegisterAsync(User user, JsonElement? credential, string? nameInput, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("passkey.register");
        var name = Name(nameInput) ?? "Passkey";
        var raw = Parse<AuthenticatorAttestationRawResponse>(credential);
        var challenge = await TakeChallengeAsync(raw.Response?.ClientDataJson, PasskeyCeremony.Registration, cancellationToken);
        if (challenge.UserId != user.Id)
        {
            throw Fail(activity, PasskeyErrors.ChallengeInvalid);
        }

        RegisteredPublicKeyCredential verified;
        try
        {
            verified = await Fido2().MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = raw,
                OriginalOptions = CredentialCreateOptions.FromJson(challenge.OptionsJson),
                IsCredentialIdUniqueToUserCallback = async (p, ct) => await store.GetByCredentialIdAsync(p.CredentialId, ct) is null,
            }, cancellationToken);
        }
        catch (Fido2VerificationException ex)
        {
            LogRejected(logger, "registration", ex.Code.ToString());
            throw Fail(activity, PasskeyErrors.VerificationFailed);
        }

        var now = time.GetStoreNow();
        var passkey = new Passkey
        {
            Id = Id<Passkey>.New(now),
            AppId = user.AppId,
            UserId = user.Id,
            CredentialId = verified.Id,
            PublicKey = verified.PublicKey,
            UserHandle = verified.User.Id,
            SignCount = verified.SignCount,
            Name = name,
            Transports = [.. (verified.Transports ?? []).Select(t => JsonSerializer.Serialize(t).Trim('"'))],
            AaGuid = verified.AaGuid,
            BackupEligible = verified.IsBackupEligible,
            BackedUp = verified.IsBackedUp,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.CreateAsync(passkey, cancellationToken);
        activity.Succeed();
        return passkey;
    }

    /// <summary>
    /// Request options for a sign-in, as WebAuthn JSON. With an email, the challenge is bound to that account, but the
    /// options do not list its credentials (they are discoverable), so the answer says nothing about whether it exists.
    /// </summary>
    public async ValueTask<string> SignInOptionsAsync(string? emailInput, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(cancellationToken);
        Id<User>? userId = null;
        if (emailInput is not null)
        {
            var user = await core.Users.GetByEmailAsync(app.AppId, app.EnvId, InputRules.Email(emailInput), cancellationToken);
            // An unknown email binds the challenge to an id no credential has: the sign-in fails at verification.
            userId = user?.Id ?? Id<User>.New(time.GetUtcNow());
        }

        var assertion = Fido2().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = options.CurrentValue.UserVerification,
        });
        return await SaveChallengeAsync(app.AppId, userId, PasskeyCeremony.SignIn, assertion.Challenge, assertion.ToJson(), cancellationToken);
    }

    /// <summary>Verifies an assertion (the JSON of <c>credential.toJSON()</c>) and signs its user in.</summary>
    public async ValueTask<SignInOutcome> SignInAsync(JsonElement? credential, ClientInfo client, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("passkey.sign_in");
        var raw = Parse<AuthenticatorAssertionRawResponse>(credential);
        var challenge = await TakeChallengeAsync(raw.Response?.ClientDataJson, PasskeyCeremony.SignIn, cancellationToken);
        var passkey = raw.RawId is { Length: > 0 } id ? await store.GetByCredentialIdAsync(id, cancellationToken) : null;
        var user = passkey is null ? null : await core.Users.GetAsync(passkey.UserId, cancellationToken);
        if (passkey is null || user is null || passkey.AppId != challenge.AppId || (challenge.UserId is { } bound && bound != passkey.UserId))
        {
            metrics.SignInFailed("passkey_unknown");
            throw Fail(activity, PasskeyErrors.VerificationFailed);
        }

        activity?.SetTag("authsome.user_id", user.Id.ToString());
        VerifyAssertionResult verified;
        try
        {
            verified = await Fido2().MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = raw,
                OriginalOptions = AssertionOptions.FromJson(challenge.OptionsJson),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = (uint)passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) => Task.FromResult(p.UserHandle.AsSpan().SequenceEqual(passkey.UserHandle)),
            }, cancellationToken);
        }
        catch (Fido2VerificationException ex)
        {
            LogRejected(logger, "sign-in", ex.Code.ToString());
            metrics.SignInFailed("passkey_invalid");
            throw Fail(activity, PasskeyErrors.VerificationFailed);
        }

        var now = time.GetStoreNow();
        if (!await store.RecordUseAsync(passkey.Id, passkey.SignCount, verified.SignCount, verified.IsBackedUp, now, cancellationToken))
        {
            // Another assertion of this credential was recorded meanwhile: one of the two is a clone or a replay.
            metrics.SignInFailed("passkey_counter");
            throw Fail(activity, PasskeyErrors.VerificationFailed);
        }

        if (user.IsBanned(now))
        {
            throw Fail(activity, AuthsomeErrors.AccountBanned);
        }

        activity.Succeed();
        return (await engine.SignInMultiFactorAsync(user, Method, client, cancellationToken)).GetValueOrThrow();
    }

    public ValueTask<IReadOnlyList<Passkey>> ListAsync(User user, CancellationToken cancellationToken) => store.ListByUserAsync(user.Id, cancellationToken);

    /// <summary>Renames one of the user's passkeys; another user's passkey answers not_found like a missing one.</summary>
    public async ValueTask<Passkey> RenameAsync(User user, string id, string? nameInput, CancellationToken cancellationToken)
    {
        var passkey = await OwnAsync(user, id, cancellationToken);
        var name = Name(nameInput) ?? throw InputRules.Invalid("name", "Required.");
        var now = time.GetStoreNow();
        return await store.RenameAsync(passkey.Id, name, now, cancellationToken)
            ? passkey with { Name = name, UpdatedAt = now }
            : throw new AuthsomeException(AuthsomeErrors.NotFound, "No such passkey.");
    }

    public async ValueTask DeleteAsync(User user, string id, CancellationToken cancellationToken)
    {
        var passkey = await OwnAsync(user, id, cancellationToken);
        await store.DeleteAsync(passkey.Id, cancellationToken);
    }

    private async ValueTask<Passkey> OwnAsync(User user, string id, CancellationToken cancellationToken)
    {
        var passkey = Id<Passkey>.TryParse(id, out var passkeyId) ? await store.GetAsync(passkeyId, cancellationToken) : null;
        return passkey is not null && passkey.UserId == user.Id ? passkey : throw new AuthsomeException(AuthsomeErrors.NotFound, "No such passkey.");
    }

    private async ValueTask<string> SaveChallengeAsync(Id<App> appId, Id<User>? userId, PasskeyCeremony ceremony, byte[] challenge, string optionsJson, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        await store.CreateChallengeAsync(new PasskeyChallenge
        {
            Id = Id<PasskeyChallenge>.New(now),
            AppId = appId,
            UserId = userId,
            Ceremony = ceremony,
            ChallengeHash = SecretHash.Of(Base64Url.EncodeToString(challenge)),
            OptionsJson = optionsJson,
            ExpiresAt = now + options.CurrentValue.ChallengeLifetime,
            CreatedAt = now,
        }, cancellationToken);
        return optionsJson;
    }

    /// <summary>Takes the challenge the client data names out of the store: it can be answered once, before it expires, for its own ceremony.</summary>
    private async ValueTask<PasskeyChallenge> TakeChallengeAsync(byte[]? clientDataJson, PasskeyCeremony ceremony, CancellationToken cancellationToken)
    {
        string? value = null;
        try
        {
            using var clientData = JsonDocument.Parse(clientDataJson ?? []);
            value = clientData.RootElement.TryGetProperty("challenge", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        }
        catch (JsonException)
        {
            // Not JSON: no challenge of ours.
        }

        var challenge = value is { Length: > 0 and <= 128 } ? await store.TakeChallengeAsync(SecretHash.Of(value), cancellationToken) : null;
        if (challenge is null || challenge.Ceremony != ceremony || challenge.ExpiresAt <= time.GetStoreNow())
        {
            throw new AuthsomeException(PasskeyErrors.ChallengeInvalid);
        }

        return challenge;
    }

    private Fido2 Fido2()
    {
        var settings = options.CurrentValue;
        return new Fido2(new Fido2Configuration
        {
            RPID = settings.RelyingPartyId!,
            RPName = settings.RelyingPartyName,
            Origins = settings.Origins.ToHashSet(StringComparer.Ordinal),
            Timeout = (uint)settings.ChallengeLifetime.TotalMilliseconds,
        }, metadataService: null);
    }

    private static T Parse<T>(JsonElement? credential)
        where T : class
    {
        try
        {
            return credential is { ValueKind: JsonValueKind.Object } element ? element.Deserialize<T>() ?? throw Missing() : throw Missing();
        }
        catch (JsonException)
        {
            throw InputRules.Invalid("credential", "Not a WebAuthn credential: send the JSON of credential.toJSON().");
        }

        static AuthsomeException Missing() => InputRules.Invalid("credential", "Required: the JSON of credential.toJSON().");
    }

    private static string? Name(string? input)
    {
        var name = input?.Trim();
        return string.IsNullOrEmpty(name) ? null
            : name.Length > MaxNameLength || name.Any(char.IsControl) ? throw InputRules.Invalid("name", $"At most {MaxNameLength} characters, no control characters.")
            : name;
    }

    private static byte[] UserHandle(Id<User> userId) => Encoding.UTF8.GetBytes(userId.ToString());

    private static AuthsomeException Fail(System.Diagnostics.Activity? activity, AuthsomeError error)
    {
        activity.Fail(error.Code);
        return new AuthsomeException(error);
    }

    [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "A passkey {Ceremony} was rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string ceremony, string reason);
}
