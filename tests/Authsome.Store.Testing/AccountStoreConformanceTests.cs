namespace Authsome.Store.Testing;

/// <summary>
/// Conformance of <see cref="IAuthsomeStore.Verifications"/> and <see cref="IAuthsomeStore.PasswordResets"/>: lookups by
/// token hash, single use under concurrency, and expiry at the exact millisecond.
/// </summary>
public abstract class AccountStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Verification_Create_ThenGetByIdAndTokenHash()
    {
        var user = await GivenUserAsync();
        var verification = TestData.NewVerification(user, VerificationType.Phone) with { Target = "+15550001111", Attempts = 2 };

        await Store.Verifications.CreateAsync(verification, Ct);

        StoreAssert.Same(verification, await Store.Verifications.GetAsync(verification.Id, Ct));
        StoreAssert.Same(verification, await Store.Verifications.GetByTokenHashAsync(verification.TokenHash, Ct));
        Assert.Null(await Store.Verifications.GetAsync(Id<Verification>.New(), Ct));
        Assert.Null(await Store.Verifications.GetByTokenHashAsync(TestData.NewSecretHash(), Ct));
        Assert.Null(await Store.Verifications.GetByTokenHashAsync(verification.CodeHash!.Value, Ct));
    }

    [Fact]
    public async Task Verification_Create_ThrowsDuplicate_WhenTheIdOrTokenHashIsTaken()
    {
        var user = await GivenUserAsync();
        var verification = await GivenVerificationAsync(user);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Verifications.CreateAsync(TestData.NewVerification(user) with { Id = verification.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Verifications.CreateAsync(TestData.NewVerification(user) with { TokenHash = verification.TokenHash }, Ct));
    }

    [Fact]
    public async Task Verification_GetActive_ReturnsTheNewestOutstandingOfTheType()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var older = await GivenVerificationAsync(user);
        var newest = await GivenVerificationAsync(user, v => v with { CreatedAt = TestData.Now.AddMinutes(2) });
        await GivenVerificationAsync(user, v => v with { CreatedAt = TestData.Now.AddMinutes(3), ConsumedAt = TestData.Now.AddMinutes(3) });
        await GivenVerificationAsync(user, v => v with { CreatedAt = TestData.Now.AddMinutes(4), ExpiresAt = TestData.Now.AddMinutes(5) });
        await GivenVerificationAsync(user, v => v with { Type = VerificationType.MagicLink, CreatedAt = TestData.Now.AddMinutes(6) });
        await GivenVerificationAsync(other, v => v with { CreatedAt = TestData.Now.AddMinutes(7) });

        StoreAssert.Same(newest, await Store.Verifications.GetActiveAsync(user.Id, VerificationType.Email, TestData.Now.AddMinutes(10), Ct));
        Assert.NotEqual(older.Id, newest.Id);
        Assert.Null(await Store.Verifications.GetActiveAsync(user.Id, VerificationType.Phone, TestData.Now, Ct));
    }

    [Fact]
    public async Task Verification_GetActive_TreatsTheExpiryAsExclusive()
    {
        var user = await GivenUserAsync();
        var verification = await GivenVerificationAsync(user);
        var expiry = verification.ExpiresAt;

        Assert.NotNull(await Store.Verifications.GetActiveAsync(user.Id, VerificationType.Email, expiry.AddMilliseconds(-1), Ct));
        Assert.Null(await Store.Verifications.GetActiveAsync(user.Id, VerificationType.Email, expiry, Ct));
        Assert.Null(await Store.Verifications.GetActiveAsync(user.Id, VerificationType.Email, expiry.AddMilliseconds(1), Ct));
    }

    [Fact]
    public async Task Verification_IncrementAttempts_CountsUp_AndIsZeroWhenAbsent()
    {
        var verification = await GivenVerificationAsync(await GivenUserAsync());

        Assert.Equal(1, await Store.Verifications.IncrementAttemptsAsync(verification.Id, Ct));
        Assert.Equal(2, await Store.Verifications.IncrementAttemptsAsync(verification.Id, Ct));
        Assert.Equal(2, (await Store.Verifications.GetAsync(verification.Id, Ct))!.Attempts);
        Assert.Equal(0, await Store.Verifications.IncrementAttemptsAsync(Id<Verification>.New(), Ct));
    }

    [Fact]
    public async Task Verification_IncrementAttempts_LosesNoIncrement_UnderConcurrency()
    {
        var verification = await GivenVerificationAsync(await GivenUserAsync());

        var counts = await StoreAssert.ConcurrentlyAsync(20, async _ => await Store.Verifications.IncrementAttemptsAsync(verification.Id, Ct));

        Assert.Equal(Enumerable.Range(1, 20), counts.Order());
    }

    [Fact]
    public async Task Verification_Consume_SucceedsOnce_AndKeepsTheRecordReadable()
    {
        var verification = await GivenVerificationAsync(await GivenUserAsync());
        var at = TestData.Now.AddMinutes(1);

        Assert.True(await Store.Verifications.ConsumeAsync(verification.Id, at, Ct));
        Assert.False(await Store.Verifications.ConsumeAsync(verification.Id, at.AddSeconds(1), Ct));

        StoreAssert.Same(verification with { ConsumedAt = at }, await Store.Verifications.GetByTokenHashAsync(verification.TokenHash, Ct));
        Assert.Null(await Store.Verifications.GetActiveAsync(verification.UserId, verification.Type, at, Ct));
        Assert.False(await Store.Verifications.ConsumeAsync(Id<Verification>.New(), at, Ct));
    }

    [Fact]
    public async Task Verification_Consume_TreatsTheExpiryAsExclusive()
    {
        var user = await GivenUserAsync();
        var atExpiry = await GivenVerificationAsync(user);
        var afterExpiry = await GivenVerificationAsync(user);
        var beforeExpiry = await GivenVerificationAsync(user);

        Assert.False(await Store.Verifications.ConsumeAsync(atExpiry.Id, atExpiry.ExpiresAt, Ct));
        Assert.False(await Store.Verifications.ConsumeAsync(afterExpiry.Id, afterExpiry.ExpiresAt.AddMilliseconds(1), Ct));
        Assert.True(await Store.Verifications.ConsumeAsync(beforeExpiry.Id, beforeExpiry.ExpiresAt.AddMilliseconds(-1), Ct));

        Assert.Null((await Store.Verifications.GetAsync(atExpiry.Id, Ct))!.ConsumedAt);
    }

    [Fact]
    public async Task Verification_Consume_ConcurrentConsumers_ExactlyOneWins()
    {
        var verification = await GivenVerificationAsync(await GivenUserAsync());

        var results = await StoreAssert.ConcurrentlyAsync(20, async i =>
            await Store.Verifications.ConsumeAsync(verification.Id, TestData.Now.AddSeconds(i), Ct));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Verification_ConsumeAll_ConsumesOnlyOutstandingOfTheType()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var now = TestData.Now.AddMinutes(30);
        var first = await GivenVerificationAsync(user);
        var second = await GivenVerificationAsync(user);
        var expired = await GivenVerificationAsync(user, v => v with { ExpiresAt = now });
        var consumed = await GivenVerificationAsync(user, v => v with { ConsumedAt = TestData.Now });
        var phone = await GivenVerificationAsync(user, v => v with { Type = VerificationType.Phone });
        var othersVerification = await GivenVerificationAsync(other);

        Assert.Equal(2, await Store.Verifications.ConsumeAllAsync(user.Id, VerificationType.Email, now, Ct));

        Assert.Equal(now, (await Store.Verifications.GetAsync(first.Id, Ct))!.ConsumedAt);
        Assert.Equal(now, (await Store.Verifications.GetAsync(second.Id, Ct))!.ConsumedAt);
        StoreAssert.Same(expired, await Store.Verifications.GetAsync(expired.Id, Ct));
        StoreAssert.Same(consumed, await Store.Verifications.GetAsync(consumed.Id, Ct));
        StoreAssert.Same(phone, await Store.Verifications.GetAsync(phone.Id, Ct));
        StoreAssert.Same(othersVerification, await Store.Verifications.GetAsync(othersVerification.Id, Ct));
        Assert.Equal(0, await Store.Verifications.ConsumeAllAsync(user.Id, VerificationType.Email, now, Ct));
    }

    [Fact]
    public async Task PasswordReset_Create_ThenGetByTokenHash()
    {
        var user = await GivenUserAsync();
        var reset = TestData.NewPasswordReset(user);

        await Store.PasswordResets.CreateAsync(reset, Ct);

        StoreAssert.Same(reset, await Store.PasswordResets.GetByTokenHashAsync(reset.TokenHash, Ct));
        Assert.Null(await Store.PasswordResets.GetByTokenHashAsync(TestData.NewSecretHash(), Ct));
    }

    [Fact]
    public async Task PasswordReset_Create_ThrowsDuplicate_WhenTheIdOrTokenHashIsTaken()
    {
        var user = await GivenUserAsync();
        var reset = await GivenPasswordResetAsync(user);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.PasswordResets.CreateAsync(TestData.NewPasswordReset(user) with { Id = reset.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.PasswordResets.CreateAsync(TestData.NewPasswordReset(user) with { TokenHash = reset.TokenHash }, Ct));
    }

    [Fact]
    public async Task PasswordReset_Consume_SucceedsOnce()
    {
        var reset = await GivenPasswordResetAsync(await GivenUserAsync());
        var at = TestData.Now.AddMinutes(5);

        Assert.True(await Store.PasswordResets.ConsumeAsync(reset.Id, at, Ct));
        Assert.False(await Store.PasswordResets.ConsumeAsync(reset.Id, at, Ct));

        StoreAssert.Same(reset with { ConsumedAt = at }, await Store.PasswordResets.GetByTokenHashAsync(reset.TokenHash, Ct));
        Assert.False(await Store.PasswordResets.ConsumeAsync(Id<PasswordReset>.New(), at, Ct));
    }

    [Fact]
    public async Task PasswordReset_Consume_TreatsTheExpiryAsExclusive()
    {
        var user = await GivenUserAsync();
        var atExpiry = await GivenPasswordResetAsync(user);
        var afterExpiry = await GivenPasswordResetAsync(user);
        var beforeExpiry = await GivenPasswordResetAsync(user);

        Assert.False(await Store.PasswordResets.ConsumeAsync(atExpiry.Id, atExpiry.ExpiresAt, Ct));
        Assert.False(await Store.PasswordResets.ConsumeAsync(afterExpiry.Id, afterExpiry.ExpiresAt.AddMilliseconds(1), Ct));
        Assert.True(await Store.PasswordResets.ConsumeAsync(beforeExpiry.Id, beforeExpiry.ExpiresAt.AddMilliseconds(-1), Ct));
    }

    [Fact]
    public async Task PasswordReset_Consume_ConcurrentConsumers_ExactlyOneWins()
    {
        var reset = await GivenPasswordResetAsync(await GivenUserAsync());

        var results = await StoreAssert.ConcurrentlyAsync(20, async i =>
            await Store.PasswordResets.ConsumeAsync(reset.Id, TestData.Now.AddSeconds(i), Ct));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task PasswordReset_ConsumeAll_ConsumesOnlyTheUsersOutstandingResets()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var now = TestData.Now.AddMinutes(30);
        var first = await GivenPasswordResetAsync(user);
        var second = await GivenPasswordResetAsync(user);
        var expired = await GivenPasswordResetAsync(user, r => r with { ExpiresAt = now });
        var othersReset = await GivenPasswordResetAsync(other);

        Assert.Equal(2, await Store.PasswordResets.ConsumeAllAsync(user.Id, now, Ct));

        Assert.Equal(now, (await Store.PasswordResets.GetByTokenHashAsync(first.TokenHash, Ct))!.ConsumedAt);
        Assert.Equal(now, (await Store.PasswordResets.GetByTokenHashAsync(second.TokenHash, Ct))!.ConsumedAt);
        StoreAssert.Same(expired, await Store.PasswordResets.GetByTokenHashAsync(expired.TokenHash, Ct));
        StoreAssert.Same(othersReset, await Store.PasswordResets.GetByTokenHashAsync(othersReset.TokenHash, Ct));
        Assert.False(await Store.PasswordResets.ConsumeAsync(first.Id, now, Ct));
    }

    /// <summary>Creates an email verification of the user, optionally changed first.</summary>
    protected async Task<Verification> GivenVerificationAsync(User user, Func<Verification, Verification>? change = null)
    {
        var verification = TestData.NewVerification(user);
        verification = change?.Invoke(verification) ?? verification;
        await Store.Verifications.CreateAsync(verification, Ct);
        return verification;
    }

    /// <summary>Creates a password reset of the user, optionally changed first.</summary>
    protected async Task<PasswordReset> GivenPasswordResetAsync(User user, Func<PasswordReset, PasswordReset>? change = null)
    {
        var reset = TestData.NewPasswordReset(user);
        reset = change?.Invoke(reset) ?? reset;
        await Store.PasswordResets.CreateAsync(reset, Ct);
        return reset;
    }
}
