using Authsome.Plugins.Mfa.Store;

namespace Authsome.Store.Testing.Plugins;

/// <summary>
/// Conformance of the MFA plugin's sub-store, <see cref="IMfaStore"/>, as a store provides it (built from
/// <see cref="MfaStore.Definition"/>). Each test migrates the plugin's group (<c>authsome-mfa</c>) on the store it is given.
/// </summary>
public abstract class MfaStoreConformanceTests() : PluginStoreConformanceTests<IMfaStore>(MfaStore.Definition)
{
    /// <summary>The store's MFA sub-store.</summary>
    protected IMfaStore Mfa => PluginStore;

    [Fact]
    public async Task ATotpFactorRoundTripsExactly_AndSavingReplacesThePendingOne()
    {
        var user = await GivenUserAsync();
        var first = Factor(user, "sealed-1");
        await Mfa.SaveTotpAsync(first, Ct);
        Assert.Equal(first, await Mfa.GetTotpAsync(user.Id, Ct));

        var second = Factor(user, "sealed-2") with { ConfirmedAt = TestData.Now.AddTicks(1234), LastUsedStep = 58_000_000_123 };
        await Mfa.SaveTotpAsync(second, Ct);

        var stored = await Mfa.GetTotpAsync(user.Id, Ct);
        Assert.Equal(second.Id, stored!.Id);
        Assert.Equal("sealed-2", stored.ProtectedSecret);
        Assert.Equal(TestData.Now, stored.ConfirmedAt);
        Assert.Equal(58_000_000_123, stored.LastUsedStep);
        Assert.Null(await Mfa.GetTotpAsync(Id<User>.New(), Ct));
    }

    [Fact]
    public async Task AFactorIsConfirmedOnce_AndEachTimeStepIsUsedOnce()
    {
        var user = await GivenUserAsync();
        var factor = Factor(user, "sealed");
        await Mfa.SaveTotpAsync(factor, Ct);

        Assert.True(await Mfa.ConfirmTotpAsync(factor.Id, 100, TestData.Now, Ct));
        Assert.False(await Mfa.ConfirmTotpAsync(factor.Id, 101, TestData.Now, Ct));
        Assert.False(await Mfa.TryUseStepAsync(factor.Id, 100, TestData.Now, Ct));
        Assert.False(await Mfa.TryUseStepAsync(factor.Id, 99, TestData.Now, Ct));
        Assert.True(await Mfa.TryUseStepAsync(factor.Id, 101, TestData.Now, Ct));
        Assert.False(await Mfa.TryUseStepAsync(factor.Id, 101, TestData.Now, Ct));
        Assert.Equal(101, (await Mfa.GetTotpAsync(user.Id, Ct))!.LastUsedStep);
        Assert.False(await Mfa.TryUseStepAsync(Id<TotpFactor>.New(), 500, TestData.Now, Ct));
    }

    [Fact]
    public async Task ConcurrentUsesOfOneStepLetOnlyOneThrough()
    {
        var user = await GivenUserAsync();
        var factor = Factor(user, "sealed");
        await Mfa.SaveTotpAsync(factor, Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Mfa.TryUseStepAsync(factor.Id, 7, TestData.Now, Ct).AsTask()));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task RecoveryCodesAreSingleUse_AndReplacingThemRetiresTheOldOnes()
    {
        var user = await GivenUserAsync();
        var other = await GivenUserAsync();
        await Mfa.ReplaceRecoveryCodesAsync(user.Id, [Code(user, "a"), Code(user, "b"), Code(user, "c")], Ct);

        Assert.Equal(3, await Mfa.CountRecoveryCodesAsync(user.Id, Ct));
        Assert.False(await Mfa.UseRecoveryCodeAsync(other.Id, SecretHash.Of("a"), TestData.Now, Ct));
        Assert.True(await Mfa.UseRecoveryCodeAsync(user.Id, SecretHash.Of("a"), TestData.Now, Ct));
        Assert.False(await Mfa.UseRecoveryCodeAsync(user.Id, SecretHash.Of("a"), TestData.Now, Ct));
        Assert.Equal(2, await Mfa.CountRecoveryCodesAsync(user.Id, Ct));

        await Mfa.ReplaceRecoveryCodesAsync(user.Id, [Code(user, "d")], Ct);

        Assert.False(await Mfa.UseRecoveryCodeAsync(user.Id, SecretHash.Of("b"), TestData.Now, Ct));
        Assert.True(await Mfa.UseRecoveryCodeAsync(user.Id, SecretHash.Of("d"), TestData.Now, Ct));
        Assert.Equal(0, await Mfa.CountRecoveryCodesAsync(user.Id, Ct));
    }

    [Fact]
    public async Task DeletingTheFactorDeletesTheRecoveryCodes()
    {
        var user = await GivenUserAsync();
        await Mfa.SaveTotpAsync(Factor(user, "sealed"), Ct);
        await Mfa.ReplaceRecoveryCodesAsync(user.Id, [Code(user, "a")], Ct);

        Assert.True(await Mfa.DeleteTotpAsync(user.Id, Ct));
        Assert.False(await Mfa.DeleteTotpAsync(user.Id, Ct));

        Assert.Null(await Mfa.GetTotpAsync(user.Id, Ct));
        Assert.Equal(0, await Mfa.CountRecoveryCodesAsync(user.Id, Ct));
    }

    [Fact]
    public async Task TicketsAreFoundByHash_CountFailuresAtomically_AndAreDeletedOnce()
    {
        var user = await GivenUserAsync();
        var ticket = Ticket(user, "token", TestData.Now.AddMinutes(5));
        await Mfa.CreateTicketAsync(ticket, Ct);

        Assert.Equal(ticket, await Mfa.GetTicketAsync(SecretHash.Of("token"), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Mfa.CreateTicketAsync(Ticket(user, "token", TestData.Now), Ct));

        var counts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Mfa.RecordTicketFailureAsync(ticket.Id, Ct).AsTask()));
        Assert.Equal([1, 2, 3, 4, 5], counts.Order());
        Assert.Equal(5, (await Mfa.GetTicketAsync(SecretHash.Of("token"), Ct))!.Attempts);

        Assert.True(await Mfa.DeleteTicketAsync(ticket.Id, Ct));
        Assert.False(await Mfa.DeleteTicketAsync(ticket.Id, Ct));
        Assert.Equal(0, await Mfa.RecordTicketFailureAsync(ticket.Id, Ct));
        Assert.Null(await Mfa.GetTicketAsync(SecretHash.Of("token"), Ct));
    }

    [Fact]
    public async Task PurgingRemovesOnlyExpiredTickets()
    {
        var user = await GivenUserAsync();
        await Mfa.CreateTicketAsync(Ticket(user, "expired", TestData.Now), Ct);
        await Mfa.CreateTicketAsync(Ticket(user, "live", TestData.Now.AddSeconds(1)), Ct);

        Assert.Equal(1, await Mfa.PurgeExpiredTicketsAsync(TestData.Now, Ct));

        Assert.Null(await Mfa.GetTicketAsync(SecretHash.Of("expired"), Ct));
        Assert.NotNull(await Mfa.GetTicketAsync(SecretHash.Of("live"), Ct));
    }

    [Fact]
    public async Task AnUnknownUserGetsNoMfaData()
    {
        var stranger = new User { Id = Id<User>.New(), AppId = Id<App>.New(), EnvId = Id<AppEnvironment>.New(), Email = "x@example.com", CreatedAt = TestData.Now, UpdatedAt = TestData.Now };

        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Mfa.SaveTotpAsync(Factor(stranger, "sealed"), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Mfa.ReplaceRecoveryCodesAsync(stranger.Id, [Code(stranger, "a")], Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Mfa.CreateTicketAsync(Ticket(stranger, "t", TestData.Now), Ct));
    }

    [Fact]
    public async Task DeletingTheAppDeletesItsUsersMfaData()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync();
        foreach (var owner in new[] { user, other })
        {
            await Mfa.SaveTotpAsync(Factor(owner, "sealed"), Ct);
            await Mfa.ReplaceRecoveryCodesAsync(owner.Id, [Code(owner, "a")], Ct);
            await Mfa.CreateTicketAsync(Ticket(owner, owner.Id.ToString(), TestData.Now.AddMinutes(5)), Ct);
        }

        Assert.True(await Store.Apps.DeleteAsync(tenant.App.Id, Ct));

        Assert.Null(await Mfa.GetTotpAsync(user.Id, Ct));
        Assert.Equal(0, await Mfa.CountRecoveryCodesAsync(user.Id, Ct));
        Assert.Null(await Mfa.GetTicketAsync(SecretHash.Of(user.Id.ToString()), Ct));
        Assert.NotNull(await Mfa.GetTotpAsync(other.Id, Ct));
        Assert.Equal(1, await Mfa.CountRecoveryCodesAsync(other.Id, Ct));
        Assert.NotNull(await Mfa.GetTicketAsync(SecretHash.Of(other.Id.ToString()), Ct));
    }

    private static TotpFactor Factor(User user, string secret) => new()
    {
        Id = Id<TotpFactor>.New(),
        AppId = user.AppId,
        UserId = user.Id,
        ProtectedSecret = secret,
        CreatedAt = TestData.Now,
        UpdatedAt = TestData.Now,
    };

    private static RecoveryCode Code(User user, string code) =>
        new() { Id = Id<RecoveryCode>.New(), UserId = user.Id, CodeHash = SecretHash.Of(code), CreatedAt = TestData.Now };

    private static MfaTicket Ticket(User user, string token, DateTimeOffset expiresAt) => new()
    {
        Id = Id<MfaTicket>.New(),
        AppId = user.AppId,
        UserId = user.Id,
        TokenHash = SecretHash.Of(token),
        Purpose = MfaTicketPurpose.Challenge,
        Method = "password",
        ExpiresAt = expiresAt,
        CreatedAt = TestData.Now,
    };
}
