using System.Collections.Immutable;

namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.Sessions"/>: lookups by token hash, compare-and-swap rotation, replay detection, expiry boundaries.</summary>
public abstract class SessionStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Create_ThenLookUpByIdTokenAndRefreshToken()
    {
        var user = await GivenUserAsync();
        var session = TestData.NewSession(user) with
        {
            ImpersonatedBy = Id<User>.New(),
            DeviceId = Id<Device>.New(),
            OrgId = Id<Organization>.New(),
        };

        await Store.Sessions.CreateAsync(session, Ct);

        StoreAssert.Same(session, await Store.Sessions.GetAsync(session.Id, Ct));
        StoreAssert.Same(session, await Store.Sessions.GetByTokenHashAsync(session.TokenHash, Ct));
        StoreAssert.Same(session, await Store.Sessions.GetByRefreshTokenHashAsync(session.RefreshTokenHash, Ct));
    }

    [Fact]
    public async Task Lookups_ReturnNull_WhenAbsent()
    {
        var session = await GivenSessionAsync();

        Assert.Null(await Store.Sessions.GetAsync(Id<Session>.New(), Ct));
        Assert.Null(await Store.Sessions.GetByTokenHashAsync(TestData.NewSecretHash(), Ct));
        Assert.Null(await Store.Sessions.GetByRefreshTokenHashAsync(TestData.NewSecretHash(), Ct));
        Assert.Null(await Store.Sessions.GetByTokenHashAsync(session.RefreshTokenHash, Ct));
        Assert.Null(await Store.Sessions.GetByRefreshTokenHashAsync(session.TokenHash, Ct));
        Assert.Null(await Store.Sessions.GetRevokedRefreshTokenAsync(session.RefreshTokenHash, Ct));
    }

    [Fact]
    public async Task GetWithUser_ByTokenOrRefreshTokenHash_ReturnsTheSessionAndEveryFieldOfItsUser()
    {
        var tenant = await GivenTenantAsync();
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with
        {
            EmailVerified = true,
            FirstName = "Ada",
            Username = TestData.Unique("ada"),
            Phone = TestData.Unique("+44"),
            PasswordHash = "$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHQ$aGFzaGhhc2g",
            Banned = true,
            BanExpires = TestData.Now.AddDays(30),
            Metadata = ImmutableDictionary<string, string>.Empty.Add("plan", "pro"),
        };
        await Store.Users.CreateAsync(user, Ct);
        var session = await GivenSessionAsync(user);
        await GivenSessionAsync(await GivenUserAsync(tenant));

        var found = await Store.Sessions.GetWithUserByTokenHashAsync(session.TokenHash, Ct);

        Assert.NotNull(found);
        StoreAssert.Same(session, found.Session);
        StoreAssert.Same(user, found.User);
        Assert.Null(await Store.Sessions.GetWithUserByTokenHashAsync(session.RefreshTokenHash, Ct));
        Assert.Null(await Store.Sessions.GetWithUserByTokenHashAsync(TestData.NewSecretHash(), Ct));

        var byRefresh = await Store.Sessions.GetWithUserByRefreshTokenHashAsync(session.RefreshTokenHash, Ct);
        Assert.NotNull(byRefresh);
        StoreAssert.Same(session, byRefresh.Session);
        StoreAssert.Same(user, byRefresh.User);
        Assert.Null(await Store.Sessions.GetWithUserByRefreshTokenHashAsync(session.TokenHash, Ct));
        Assert.Null(await Store.Sessions.GetWithUserByRefreshTokenHashAsync(TestData.NewSecretHash(), Ct));
    }

    [Fact]
    public async Task GetWithUser_ReturnsNull_WhenTheUserIsDeleted()
    {
        var session = await GivenSessionAsync();

        Assert.True(await Store.Users.DeleteAsync(session.UserId, TestData.Now, Ct));

        Assert.Null(await Store.Sessions.GetWithUserByTokenHashAsync(session.TokenHash, Ct));
        Assert.Null(await Store.Sessions.GetWithUserByRefreshTokenHashAsync(session.RefreshTokenHash, Ct));
    }

    [Fact]
    public async Task GetWithUserByRefreshTokenHash_FindsTheRotatedToken_NotTheOldOne()
    {
        var session = await GivenSessionAsync();
        var rotated = Rotated(session, TestData.Now.AddMinutes(1));
        Assert.True(await Store.Sessions.RotateAsync(rotated, session.RefreshTokenHash, Ct));

        Assert.Null(await Store.Sessions.GetWithUserByRefreshTokenHashAsync(session.RefreshTokenHash, Ct));
        StoreAssert.Same(rotated, (await Store.Sessions.GetWithUserByRefreshTokenHashAsync(rotated.RefreshTokenHash, Ct))!.Session);
    }

    [Fact]
    public async Task Create_ThrowsDuplicate_WhenTheIdOrATokenHashIsTaken()
    {
        var session = await GivenSessionAsync();
        var user = (await Store.Users.GetAsync(session.UserId, Ct))!;

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Sessions.CreateAsync(TestData.NewSession(user) with { Id = session.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Sessions.CreateAsync(TestData.NewSession(user) with { TokenHash = session.TokenHash }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Sessions.CreateAsync(TestData.NewSession(user) with { RefreshTokenHash = session.RefreshTokenHash }, Ct));
        Assert.Single(await Store.Sessions.ListByUserAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Update_ReplacesFields_ButKeepsUserAndFamily()
    {
        var session = await GivenSessionAsync();
        var changed = session with
        {
            UserId = Id<User>.New(),
            FamilyId = Id<Session>.New(),
            TokenHash = TestData.NewSecretHash(),
            RefreshTokenHash = TestData.NewSecretHash(),
            IpAddress = "198.51.100.1",
            OrgId = Id<Organization>.New(),
            ExpiresAt = session.ExpiresAt.AddHours(1),
            RefreshTokenExpiresAt = session.RefreshTokenExpiresAt.AddDays(1),
            UpdatedAt = session.UpdatedAt.AddMinutes(1),
        };

        await Store.Sessions.UpdateAsync(changed, Ct);

        var expected = changed with { UserId = session.UserId, FamilyId = session.FamilyId };
        StoreAssert.Same(expected, await Store.Sessions.GetAsync(session.Id, Ct));
        StoreAssert.Same(expected, await Store.Sessions.GetByTokenHashAsync(changed.TokenHash, Ct));
        StoreAssert.Same(expected, await Store.Sessions.GetByRefreshTokenHashAsync(changed.RefreshTokenHash, Ct));
        Assert.Null(await Store.Sessions.GetByTokenHashAsync(session.TokenHash, Ct));
        Assert.Null(await Store.Sessions.GetByRefreshTokenHashAsync(session.RefreshTokenHash, Ct));
    }

    [Fact]
    public async Task Update_ThrowsNotFound_WhenAbsent()
    {
        var user = await GivenUserAsync();

        await StoreAssert.NotFoundAsync(() => Store.Sessions.UpdateAsync(TestData.NewSession(user), Ct));
    }

    [Fact]
    public async Task Rotate_SwapsTokens_AndRecordsTheOldRefreshTokenAsRevoked()
    {
        var session = await GivenSessionAsync();
        var rotated = Rotated(session, TestData.Now.AddMinutes(30));

        Assert.True(await Store.Sessions.RotateAsync(rotated, session.RefreshTokenHash, Ct));

        StoreAssert.Same(rotated, await Store.Sessions.GetAsync(session.Id, Ct));
        StoreAssert.Same(rotated, await Store.Sessions.GetByRefreshTokenHashAsync(rotated.RefreshTokenHash, Ct));
        StoreAssert.Same(rotated, await Store.Sessions.GetByTokenHashAsync(rotated.TokenHash, Ct));
        Assert.Null(await Store.Sessions.GetByRefreshTokenHashAsync(session.RefreshTokenHash, Ct));
        Assert.Null(await Store.Sessions.GetByTokenHashAsync(session.TokenHash, Ct));
        StoreAssert.Same(
            new RevokedRefreshToken
            {
                TokenHash = session.RefreshTokenHash,
                FamilyId = session.FamilyId,
                UserId = session.UserId,
                Reason = "rotated",
                RevokedAt = rotated.UpdatedAt,
                ExpiresAt = session.RefreshTokenExpiresAt,
            },
            await Store.Sessions.GetRevokedRefreshTokenAsync(session.RefreshTokenHash, Ct));
        Assert.Null(await Store.Sessions.GetRevokedRefreshTokenAsync(rotated.RefreshTokenHash, Ct));
    }

    [Fact]
    public async Task Rotate_KeepsUserAndFamily()
    {
        var session = await GivenSessionAsync();
        var rotated = Rotated(session, TestData.Now.AddMinutes(1)) with { UserId = Id<User>.New(), FamilyId = Id<Session>.New() };

        Assert.True(await Store.Sessions.RotateAsync(rotated, session.RefreshTokenHash, Ct));

        var stored = await Store.Sessions.GetAsync(session.Id, Ct);
        Assert.Equal(session.UserId, stored!.UserId);
        Assert.Equal(session.FamilyId, stored.FamilyId);
        Assert.Equal(session.FamilyId, (await Store.Sessions.GetRevokedRefreshTokenAsync(session.RefreshTokenHash, Ct))!.FamilyId);
    }

    [Fact]
    public async Task Rotate_FailsWhenAnotherRotationWon()
    {
        var session = await GivenSessionAsync();
        var winner = Rotated(session, TestData.Now.AddMinutes(1));
        Assert.True(await Store.Sessions.RotateAsync(winner, session.RefreshTokenHash, Ct));

        var loser = Rotated(session, TestData.Now.AddMinutes(2));
        Assert.False(await Store.Sessions.RotateAsync(loser, session.RefreshTokenHash, Ct));

        StoreAssert.Same(winner, await Store.Sessions.GetAsync(session.Id, Ct));
        Assert.Null(await Store.Sessions.GetByRefreshTokenHashAsync(loser.RefreshTokenHash, Ct));
        Assert.Null(await Store.Sessions.GetRevokedRefreshTokenAsync(winner.RefreshTokenHash, Ct));
        Assert.Equal(winner.UpdatedAt, (await Store.Sessions.GetRevokedRefreshTokenAsync(session.RefreshTokenHash, Ct))!.RevokedAt);
    }

    [Fact]
    public async Task Rotate_ReturnsFalse_ForAWrongExpectedHashOrAMissingSession()
    {
        var session = await GivenSessionAsync();

        Assert.False(await Store.Sessions.RotateAsync(Rotated(session, TestData.Now), TestData.NewSecretHash(), Ct));
        Assert.False(await Store.Sessions.RotateAsync(Rotated(session, TestData.Now) with { Id = Id<Session>.New() }, session.RefreshTokenHash, Ct));

        StoreAssert.Same(session, await Store.Sessions.GetAsync(session.Id, Ct));
        Assert.Null(await Store.Sessions.GetRevokedRefreshTokenAsync(session.RefreshTokenHash, Ct));
    }

    [Fact]
    public async Task Rotate_ConcurrentRotationsOfOneToken_ExactlyOneWins()
    {
        var session = await GivenSessionAsync();
        var candidates = Enumerable.Range(0, 20).Select(i => Rotated(session, TestData.Now.AddSeconds(i + 1))).ToArray();

        var results = await StoreAssert.ConcurrentlyAsync(candidates.Length, async i => await Store.Sessions.RotateAsync(candidates[i], session.RefreshTokenHash, Ct));

        var winner = candidates[Assert.Single(Enumerable.Range(0, results.Length), i => results[i])];
        StoreAssert.Same(winner, await Store.Sessions.GetAsync(session.Id, Ct));
        Assert.Equal(winner.UpdatedAt, (await Store.Sessions.GetRevokedRefreshTokenAsync(session.RefreshTokenHash, Ct))!.RevokedAt);
        foreach (var loser in candidates.Where(c => c != winner))
        {
            Assert.Null(await Store.Sessions.GetByRefreshTokenHashAsync(loser.RefreshTokenHash, Ct));
        }
    }

    [Fact]
    public async Task MarkRefreshTokenReplayed_IsTrueOnlyTheFirstTime()
    {
        var session = await GivenSessionAsync();
        Assert.True(await Store.Sessions.RotateAsync(Rotated(session, TestData.Now.AddMinutes(1)), session.RefreshTokenHash, Ct));
        var replayedAt = TestData.Now.AddMinutes(2);

        Assert.True(await Store.Sessions.MarkRefreshTokenReplayedAsync(session.RefreshTokenHash, replayedAt, Ct));
        Assert.False(await Store.Sessions.MarkRefreshTokenReplayedAsync(session.RefreshTokenHash, replayedAt.AddMinutes(1), Ct));

        Assert.Equal(replayedAt, (await Store.Sessions.GetRevokedRefreshTokenAsync(session.RefreshTokenHash, Ct))!.ReplayedAt);
        Assert.False(await Store.Sessions.MarkRefreshTokenReplayedAsync(TestData.NewSecretHash(), replayedAt, Ct));
    }

    [Fact]
    public async Task MarkRefreshTokenReplayed_ConcurrentReplays_ExactlyOneIsFirst()
    {
        var session = await GivenSessionAsync();
        Assert.True(await Store.Sessions.RotateAsync(Rotated(session, TestData.Now.AddMinutes(1)), session.RefreshTokenHash, Ct));

        var results = await StoreAssert.ConcurrentlyAsync(20, async i =>
            await Store.Sessions.MarkRefreshTokenReplayedAsync(session.RefreshTokenHash, TestData.Now.AddMinutes(2).AddSeconds(i), Ct));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Touch_SetsLastActivityAndExpiry_AndNothingElse()
    {
        var session = await GivenSessionAsync();
        var lastActivity = TestData.Now.AddMinutes(10);
        var expires = TestData.Now.AddMinutes(70);

        Assert.True(await Store.Sessions.TouchAsync(session.Id, session.TokenHash, lastActivity, expires, Ct));

        StoreAssert.Same(session with { LastActivityAt = lastActivity, ExpiresAt = expires }, await Store.Sessions.GetAsync(session.Id, Ct));
        Assert.False(await Store.Sessions.TouchAsync(Id<Session>.New(), session.TokenHash, lastActivity, expires, Ct));
    }

    [Fact]
    public async Task Touch_ChangesNothing_WhenARefreshReplacedTheAccessToken()
    {
        var session = await GivenSessionAsync();
        var staleHash = SecretHash.Of(TestData.Unique("old-access-token"));

        Assert.False(await Store.Sessions.TouchAsync(session.Id, staleHash, TestData.Now.AddMinutes(10), TestData.Now.AddMinutes(11), Ct));

        StoreAssert.Same(session, await Store.Sessions.GetAsync(session.Id, Ct));
    }

    [Fact]
    public async Task Delete_RemovesTheSession_AndReturnsFalseTheSecondTime()
    {
        var session = await GivenSessionAsync();

        Assert.True(await Store.Sessions.DeleteAsync(session.Id, Ct));
        Assert.False(await Store.Sessions.DeleteAsync(session.Id, Ct));

        Assert.Null(await Store.Sessions.GetAsync(session.Id, Ct));
        Assert.Null(await Store.Sessions.GetByTokenHashAsync(session.TokenHash, Ct));
        Assert.Null(await Store.Sessions.GetByRefreshTokenHashAsync(session.RefreshTokenHash, Ct));
    }

    [Fact]
    public async Task DeleteByUser_RemovesTheUsersSessions_ExceptTheOneKept()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var kept = await GivenSessionAsync(user);
        await GivenSessionAsync(user);
        await GivenSessionAsync(user);
        var othersSession = await GivenSessionAsync(other);

        Assert.Equal(2, await Store.Sessions.DeleteByUserAsync(user.Id, kept.Id, Ct));
        StoreAssert.Ids([kept.Id], (await Store.Sessions.ListByUserAsync(user.Id, Ct)).Select(s => s.Id));

        Assert.Equal(1, await Store.Sessions.DeleteByUserAsync(user.Id, null, Ct));
        Assert.Empty(await Store.Sessions.ListByUserAsync(user.Id, Ct));
        Assert.Equal(0, await Store.Sessions.DeleteByUserAsync(user.Id, null, Ct));
        StoreAssert.Same(othersSession, await Store.Sessions.GetAsync(othersSession.Id, Ct));
    }

    [Fact]
    public async Task DeleteFamily_RemovesEverySessionOfTheFamily_AndKeepsItsRevokedTokens()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var first = await GivenSessionAsync(user);
        var sibling = TestData.NewSession(user) with { FamilyId = first.FamilyId };
        await Store.Sessions.CreateAsync(sibling, Ct);
        var unrelated = await GivenSessionAsync(user);
        Assert.True(await Store.Sessions.RotateAsync(Rotated(first, TestData.Now.AddMinutes(1)), first.RefreshTokenHash, Ct));

        Assert.Equal(2, await Store.Sessions.DeleteFamilyAsync(first.FamilyId, Ct));
        Assert.Equal(0, await Store.Sessions.DeleteFamilyAsync(first.FamilyId, Ct));

        StoreAssert.Ids([unrelated.Id], (await Store.Sessions.ListByUserAsync(user.Id, Ct)).Select(s => s.Id));
        Assert.NotNull(await Store.Sessions.GetRevokedRefreshTokenAsync(first.RefreshTokenHash, Ct));
    }

    [Fact]
    public async Task ListByUser_ReturnsOnlyTheUsersSessions_InIdOrder()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var mine = new List<Id<Session>>();
        for (var i = 0; i < 4; i++)
        {
            mine.Add((await GivenSessionAsync(user)).Id);
            await GivenSessionAsync(other);
        }

        StoreAssert.Ids(mine.InIdOrder(), (await Store.Sessions.ListByUserAsync(user.Id, Ct)).Select(s => s.Id));
        Assert.Empty(await Store.Sessions.ListByUserAsync(Id<User>.New(), Ct));
    }

    [Fact]
    public async Task ListByApp_PagesWithoutSkippingOrRepeating_AndAnHonestTotal()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var created = new List<Id<Session>>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await GivenSessionAsync(user)).Id);
        }

        await GivenSessionAsync();

        var first = await Store.Sessions.ListByAppAsync(tenant.App.Id, new PageRequest(null, 3), Ct);
        var second = await Store.Sessions.ListByAppAsync(tenant.App.Id, new PageRequest(first.NextCursor, 3), Ct);
        var third = await Store.Sessions.ListByAppAsync(tenant.App.Id, new PageRequest(second.NextCursor, 3), Ct);

        Assert.Equal([3, 3, 1], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.All(new[] { first, second, third }, page => Assert.Equal(7, page.Total));
        Assert.Null(third.NextCursor);
        StoreAssert.Ids(created.InIdOrder(), first.Items.Concat(second.Items).Concat(third.Items).Select(s => s.Id));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () =>
            await Store.Sessions.ListByAppAsync(tenant.App.Id, new PageRequest(user.Id.ToString(), 3), Ct));
    }

    [Fact]
    public async Task CountActive_TreatsTheRefreshExpiryAsExclusive()
    {
        var user = await GivenUserAsync();
        var session = await GivenSessionAsync(user);
        await Store.Sessions.CreateAsync(TestData.NewSession(user) with { RefreshTokenExpiresAt = session.RefreshTokenExpiresAt.AddDays(1) }, Ct);
        var expiry = session.RefreshTokenExpiresAt;

        Assert.Equal(2, await Store.Sessions.CountActiveAsync(user.Id, expiry.AddMilliseconds(-1), Ct));
        Assert.Equal(1, await Store.Sessions.CountActiveAsync(user.Id, expiry, Ct));
        Assert.Equal(1, await Store.Sessions.CountActiveAsync(user.Id, expiry.AddMilliseconds(1), Ct));
        Assert.Equal(0, await Store.Sessions.CountActiveAsync(Id<User>.New(), expiry, Ct));
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly()
    {
        var user = await GivenUserAsync();
        foreach (var value in HostileStrings.All)
        {
            var session = TestData.NewSession(user) with { UserAgent = value, IpAddress = value };
            await Store.Sessions.CreateAsync(session, Ct);
            StoreAssert.Same(session, await Store.Sessions.GetByTokenHashAsync(session.TokenHash, Ct));
        }
    }

    /// <summary>Creates a session of a fresh user.</summary>
    protected async Task<Session> GivenSessionAsync() => await GivenSessionAsync(await GivenUserAsync());

    /// <summary>Creates a session of the user.</summary>
    protected async Task<Session> GivenSessionAsync(User user)
    {
        var session = TestData.NewSession(user);
        await Store.Sessions.CreateAsync(session, Ct);
        return session;
    }

    /// <summary>The session as the engine rotates it at <paramref name="at"/>: new token hashes and expiries, same id.</summary>
    protected static Session Rotated(Session session, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session with
        {
            TokenHash = TestData.NewSecretHash(),
            RefreshTokenHash = TestData.NewSecretHash(),
            LastActivityAt = at,
            ExpiresAt = at.AddHours(1),
            RefreshTokenExpiresAt = at.AddDays(1),
            UpdatedAt = at,
        };
    }
}
