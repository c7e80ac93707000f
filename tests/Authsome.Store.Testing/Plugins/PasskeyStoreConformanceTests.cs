using Authsome.Plugins.Passkeys.Store;

namespace Authsome.Store.Testing.Plugins;

/// <summary>
/// Conformance of the passkey plugin's sub-store, <see cref="IPasskeyStore"/>, as a store provides it (built from
/// <see cref="PasskeyStore.Definition"/>). Each test migrates the plugin's group (<c>authsome-passkey</c>) on the store it is given.
/// </summary>
public abstract class PasskeyStoreConformanceTests() : PluginStoreConformanceTests<IPasskeyStore>(PasskeyStore.Definition)
{
    /// <summary>The store's passkey sub-store.</summary>
    protected IPasskeyStore Passkeys => PluginStore;

    [Fact]
    public async Task APasskeyRoundTripsExactly_ByIdAndByCredentialId()
    {
        var user = await GivenUserAsync();
        var passkey = NewPasskey(user) with { Transports = ["internal", "hybrid"], AaGuid = Guid.NewGuid(), BackupEligible = true, BackedUp = true, SignCount = uint.MaxValue };
        await Passkeys.CreateAsync(passkey, Ct);

        foreach (var found in new[] { await Passkeys.GetAsync(passkey.Id, Ct), await Passkeys.GetByCredentialIdAsync([.. passkey.CredentialId], Ct) })
        {
            Assert.NotNull(found);
            Assert.Equal(passkey.CredentialId, found.CredentialId);
            Assert.Equal(passkey.PublicKey, found.PublicKey);
            Assert.Equal(passkey.UserHandle, found.UserHandle);
            Assert.Equal(passkey.Transports, found.Transports);
            Assert.Equal(passkey with { CredentialId = found.CredentialId, PublicKey = found.PublicKey, UserHandle = found.UserHandle, Transports = found.Transports }, found);
        }

        Assert.Null(await Passkeys.GetByCredentialIdAsync([1, 2, 3], Ct));
    }

    [Fact]
    public async Task ACredentialIdIsRegisteredOnce()
    {
        var user = await GivenUserAsync();
        var passkey = NewPasskey(user);
        await Passkeys.CreateAsync(passkey, Ct);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Passkeys.CreateAsync(NewPasskey(user) with { CredentialId = passkey.CredentialId }, Ct));
    }

    [Fact]
    public async Task AUsersPasskeysAreListedInIdOrder_AndRenamedAndDeleted()
    {
        var user = await GivenUserAsync();
        var other = await GivenUserAsync();
        var first = NewPasskey(user);
        var second = NewPasskey(user);
        await Passkeys.CreateAsync(second, Ct);
        await Passkeys.CreateAsync(first, Ct);
        await Passkeys.CreateAsync(NewPasskey(other), Ct);

        var listed = (await Passkeys.ListByUserAsync(user.Id, Ct)).Select(p => p.Id).ToList();
        Assert.Equal(new[] { first.Id, second.Id }.Order(), listed);
        Assert.True(await Passkeys.RenameAsync(first.Id, "Phone", TestData.Now.AddMinutes(1), Ct));
        Assert.Equal("Phone", (await Passkeys.GetAsync(first.Id, Ct))!.Name);
        Assert.False(await Passkeys.RenameAsync(Id<Passkey>.New(), "x", TestData.Now, Ct));

        Assert.True(await Passkeys.DeleteAsync(first.Id, Ct));
        Assert.False(await Passkeys.DeleteAsync(first.Id, Ct));
        Assert.Equal([second.Id], (await Passkeys.ListByUserAsync(user.Id, Ct)).Select(p => p.Id));
    }

    [Fact]
    public async Task RecordingAUseSwapsTheCounterOnlyFromTheExpectedValue()
    {
        var user = await GivenUserAsync();
        var passkey = NewPasskey(user) with { SignCount = 5 };
        await Passkeys.CreateAsync(passkey, Ct);

        Assert.False(await Passkeys.RecordUseAsync(passkey.Id, 4, 6, false, TestData.Now, Ct));
        Assert.True(await Passkeys.RecordUseAsync(passkey.Id, 5, 6, true, TestData.Now.AddMinutes(1), Ct));
        Assert.False(await Passkeys.RecordUseAsync(passkey.Id, 5, 7, true, TestData.Now, Ct));

        var stored = await Passkeys.GetAsync(passkey.Id, Ct);
        Assert.Equal(6, stored!.SignCount);
        Assert.True(stored.BackedUp);
        Assert.Equal(TestData.Now.AddMinutes(1), stored.LastUsedAt);
    }

    [Fact]
    public async Task AChallengeIsTakenOnce_EvenConcurrently()
    {
        var tenant = await GivenTenantAsync();
        var challenge = Challenge(tenant, "challenge", TestData.Now.AddMinutes(5));
        await Passkeys.CreateChallengeAsync(challenge, Ct);
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Passkeys.CreateChallengeAsync(Challenge(tenant, "challenge", TestData.Now), Ct));

        var taken = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Passkeys.TakeChallengeAsync(SecretHash.Of("challenge"), Ct).AsTask()));

        Assert.Equal(challenge, Assert.Single(taken, t => t is not null));
        Assert.Null(await Passkeys.TakeChallengeAsync(SecretHash.Of("challenge"), Ct));
    }

    [Fact]
    public async Task PurgingRemovesOnlyExpiredChallenges()
    {
        var tenant = await GivenTenantAsync();
        await Passkeys.CreateChallengeAsync(Challenge(tenant, "old", TestData.Now), Ct);
        await Passkeys.CreateChallengeAsync(Challenge(tenant, "new", TestData.Now.AddSeconds(1)), Ct);

        Assert.Equal(1, await Passkeys.PurgeExpiredChallengesAsync(TestData.Now, Ct));

        Assert.Null(await Passkeys.TakeChallengeAsync(SecretHash.Of("old"), Ct));
        Assert.NotNull(await Passkeys.TakeChallengeAsync(SecretHash.Of("new"), Ct));
    }

    [Fact]
    public async Task AnUnknownUserCannotGetAPasskey()
    {
        var stranger = new User { Id = Id<User>.New(), AppId = Id<App>.New(), EnvId = Id<AppEnvironment>.New(), Email = "x@example.com", CreatedAt = TestData.Now, UpdatedAt = TestData.Now };

        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Passkeys.CreateAsync(NewPasskey(stranger), Ct));
    }

    [Fact]
    public async Task DeletingTheAppDeletesItsUsersPasskeys()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync();
        var gone = NewPasskey(user);
        var kept = NewPasskey(other);
        await Passkeys.CreateAsync(gone, Ct);
        await Passkeys.CreateAsync(kept, Ct);

        Assert.True(await Store.Apps.DeleteAsync(tenant.App.Id, Ct));

        Assert.Null(await Passkeys.GetAsync(gone.Id, Ct));
        Assert.NotNull(await Passkeys.GetAsync(kept.Id, Ct));
    }

    private static Passkey NewPasskey(User user) => new()
    {
        Id = Id<Passkey>.New(),
        AppId = user.AppId,
        UserId = user.Id,
        CredentialId = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
        PublicKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(77),
        UserHandle = System.Text.Encoding.UTF8.GetBytes(user.Id.ToString()),
        Name = "Laptop",
        CreatedAt = TestData.Now,
        UpdatedAt = TestData.Now,
    };

    private static PasskeyChallenge Challenge(TestTenant tenant, string challenge, DateTimeOffset expiresAt) => new()
    {
        Id = Id<PasskeyChallenge>.New(),
        AppId = tenant.App.Id,
        Ceremony = PasskeyCeremony.SignIn,
        ChallengeHash = SecretHash.Of(challenge),
        OptionsJson = """{"challenge":"abc","rpId":"example.com"}""",
        ExpiresAt = expiresAt,
        CreatedAt = TestData.Now,
    };
}
