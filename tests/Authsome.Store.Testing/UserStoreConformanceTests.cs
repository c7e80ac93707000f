using System.Collections.Immutable;

namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.Users"/>: soft delete, case-insensitive uniqueness per app and environment, keyset paging, lockout counters.</summary>
public abstract class UserStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Create_ThenGet_ReturnsEveryField()
    {
        var tenant = await GivenTenantAsync();
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with
        {
            EmailVerified = true,
            FirstName = "Ada",
            LastName = "Lovelace",
            Image = "https://cdn.example.com/ada.png",
            Username = TestData.Unique("ada"),
            DisplayUsername = "Ada",
            Phone = TestData.Unique("+44"),
            PhoneVerified = true,
            PasswordHash = "$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHQ$aGFzaGhhc2g",
            PasswordChangedAt = TestData.Now.AddDays(-3),
            Banned = true,
            BanReason = "spam",
            BanExpires = TestData.Now.AddDays(30),
            Metadata = ImmutableDictionary<string, string>.Empty.Add("plan", "pro").Add("team", "core"),
        };

        await Store.Users.CreateAsync(user, Ct);

        StoreAssert.Same(user, await Store.Users.GetAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Get_ReturnsNull_WhenAbsent()
    {
        var tenant = await GivenTenantAsync();

        Assert.Null(await Store.Users.GetAsync(Id<User>.New(), Ct));
        Assert.Null(await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, "nobody@example.com", Ct));
        Assert.Null(await Store.Users.GetByUsernameAsync(tenant.App.Id, tenant.Environment.Id, "nobody", Ct));
        Assert.Null(await Store.Users.GetByPhoneAsync(tenant.App.Id, tenant.Environment.Id, "+10000000000", Ct));
    }

    [Fact]
    public async Task Create_ThrowsDuplicate_WhenIdIsTaken()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Users.CreateAsync(
            TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Id = user.Id }, Ct));
    }

    [Fact]
    public async Task GetByEmail_IsCaseInsensitive()
    {
        var tenant = await GivenTenantAsync();
        var local = TestData.Unique("alice");
        var user = await GivenUserAsync(tenant, $"{local.ToUpperInvariant()}@Example.COM");

        Assert.Equal($"{local}@example.com", user.Email);
        StoreAssert.Same(user, await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, $"{local}@example.com", Ct));
        StoreAssert.Same(user, await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, $"{local.ToUpperInvariant()}@EXAMPLE.com", Ct));
    }

    [Fact]
    public async Task Create_ThrowsEmailTaken_ForTheSameEmailInAnotherCase()
    {
        var tenant = await GivenTenantAsync();
        var local = TestData.Unique("alice");
        await GivenUserAsync(tenant, $"{local}@x.com");

        await StoreAssert.ConflictAsync(ConflictKind.EmailTaken, () => Store.Users.CreateAsync(
            TestData.NewUser(tenant.App.Id, tenant.Environment.Id, $"{local.ToUpperInvariant()}@X.com"), Ct));
    }

    [Fact]
    public async Task Create_AllowsTheSameEmail_InAnotherEnvironmentOrApp()
    {
        var tenant = await GivenTenantAsync();
        var email = TestData.Unique("shared") + "@example.com";
        var first = await GivenUserAsync(tenant, email);
        var staging = TestData.NewEnvironment(tenant.App.Id, isDefault: false);
        await Store.Environments.CreateAsync(staging, Ct);
        var otherTenant = await GivenTenantAsync();

        var inStaging = TestData.NewUser(tenant.App.Id, staging.Id, email);
        await Store.Users.CreateAsync(inStaging, Ct);
        var inOtherApp = await GivenUserAsync(otherTenant, email);

        StoreAssert.Same(first, await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, email, Ct));
        StoreAssert.Same(inStaging, await Store.Users.GetByEmailAsync(tenant.App.Id, staging.Id, email, Ct));
        StoreAssert.Same(inOtherApp, await Store.Users.GetByEmailAsync(otherTenant.App.Id, otherTenant.Environment.Id, email, Ct));
    }

    [Fact]
    public async Task GetByUsername_IsCaseInsensitive()
    {
        var tenant = await GivenTenantAsync();
        var username = TestData.Unique("Ada_");
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Username = username, DisplayUsername = username };
        await Store.Users.CreateAsync(user, Ct);

        var found = StoreAssert.Same(user, await Store.Users.GetByUsernameAsync(tenant.App.Id, tenant.Environment.Id, username.ToUpperInvariant(), Ct));
        Assert.Equal(username.ToLowerInvariant(), found.Username);
        Assert.Equal(username, found.DisplayUsername);
    }

    [Fact]
    public async Task Create_ThrowsUsernameTaken_ForTheSameUsernameInAnotherCase()
    {
        var tenant = await GivenTenantAsync();
        var username = TestData.Unique("bob");
        await Store.Users.CreateAsync(TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Username = username }, Ct);

        await StoreAssert.ConflictAsync(ConflictKind.UsernameTaken, () => Store.Users.CreateAsync(
            TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Username = username.ToUpperInvariant() }, Ct));
    }

    [Fact]
    public async Task Create_ThrowsPhoneTaken_ForTheSamePhone()
    {
        var tenant = await GivenTenantAsync();
        var phone = TestData.Unique("+1555");
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Phone = phone };
        await Store.Users.CreateAsync(user, Ct);

        StoreAssert.Same(user, await Store.Users.GetByPhoneAsync(tenant.App.Id, tenant.Environment.Id, phone, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.PhoneTaken, () => Store.Users.CreateAsync(
            TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Phone = phone }, Ct));
    }

    [Fact]
    public async Task Create_AllowsManyUsers_WithoutUsernameOrPhone()
    {
        var tenant = await GivenTenantAsync();

        var first = await GivenUserAsync(tenant);
        var second = await GivenUserAsync(tenant);

        Assert.Null(first.Username);
        Assert.Null(second.Phone);
        Assert.NotNull(await Store.Users.GetAsync(second.Id, Ct));
    }

    [Fact]
    public async Task Lookups_AreScopedToTheAppAndEnvironment()
    {
        var tenant = await GivenTenantAsync();
        var other = await GivenTenantAsync();
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Username = TestData.Unique("u"), Phone = TestData.Unique("+1") };
        await Store.Users.CreateAsync(user, Ct);

        Assert.Null(await Store.Users.GetByEmailAsync(other.App.Id, other.Environment.Id, user.Email, Ct));
        Assert.Null(await Store.Users.GetByUsernameAsync(other.App.Id, other.Environment.Id, user.Username!, Ct));
        Assert.Null(await Store.Users.GetByPhoneAsync(other.App.Id, other.Environment.Id, user.Phone!, Ct));
        Assert.Null(await Store.Users.GetByEmailAsync(tenant.App.Id, other.Environment.Id, user.Email, Ct));
    }

    [Fact]
    public async Task Update_ReplacesFields_AndKeepsCreatedAt()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);

        var changed = user with
        {
            Email = TestData.Unique("renamed") + "@example.com",
            Name = "Renamed",
            Username = TestData.Unique("renamed"),
            EmailVerified = true,
            Metadata = ImmutableDictionary<string, string>.Empty.Add("k", "v"),
            CreatedAt = TestData.Now.AddYears(1),
            UpdatedAt = TestData.Now.AddMinutes(5),
        };
        Assert.True(await Store.Users.UpdateAsync(user, changed, Ct));

        var stored = StoreAssert.Same(
            changed with { CreatedAt = user.CreatedAt },
            await Store.Users.GetAsync(user.Id, Ct));
        StoreAssert.Same(stored, await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, changed.Email, Ct));
        StoreAssert.Same(stored, await Store.Users.GetByUsernameAsync(tenant.App.Id, tenant.Environment.Id, changed.Username!, Ct));
        Assert.Null(await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, user.Email, Ct));
    }

    [Fact]
    public async Task Update_ThrowsNotFound_ForAMissingOrDeletedUser()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        await Store.Users.DeleteAsync(user.Id, TestData.Now, Ct);

        var ghost = TestData.NewUser(tenant.App.Id, tenant.Environment.Id);
        await StoreAssert.NotFoundAsync(async () => { await Store.Users.UpdateAsync(ghost, ghost with { Name = "Ghost" }, Ct); });
        await StoreAssert.NotFoundAsync(async () => { await Store.Users.UpdateAsync(user, user with { Name = "Ghost" }, Ct); });
    }

    [Fact]
    public async Task Update_ThrowsConflict_WhenTakingAnotherUsersEmailUsernameOrPhone()
    {
        var tenant = await GivenTenantAsync();
        var taken = TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Username = TestData.Unique("t"), Phone = TestData.Unique("+1") };
        await Store.Users.CreateAsync(taken, Ct);
        var user = await GivenUserAsync(tenant);

        await StoreAssert.ConflictAsync(ConflictKind.EmailTaken, async () => { await Store.Users.UpdateAsync(user, user with { Email = taken.Email.ToUpperInvariant() }, Ct); });
        await StoreAssert.ConflictAsync(ConflictKind.UsernameTaken, async () => { await Store.Users.UpdateAsync(user, user with { Username = taken.Username!.ToUpperInvariant() }, Ct); });
        await StoreAssert.ConflictAsync(ConflictKind.PhoneTaken, async () => { await Store.Users.UpdateAsync(user, user with { Phone = taken.Phone }, Ct); });
        StoreAssert.Same(user, await Store.Users.GetAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Update_KeepsAConcurrentChangeOfAnotherField()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        // Two writers read the same user: one resets the password, the other edits the profile.
        var reset = user with { PasswordHash = "$new-hash", PasswordChangedAt = TestData.Now.AddMinutes(1), UpdatedAt = TestData.Now.AddMinutes(1) };
        var profile = user with { Name = "Edited", UpdatedAt = TestData.Now.AddMinutes(2) };

        Assert.True(await Store.Users.UpdateAsync(user, reset, Ct));
        Assert.True(await Store.Users.UpdateAsync(user, profile, Ct));

        StoreAssert.Same(reset with { Name = "Edited", UpdatedAt = profile.UpdatedAt }, await Store.Users.GetAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Update_ReturnsFalseAndWritesNothing_WhenAChangedFieldWasChangedMeanwhile()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var banned = user with { Banned = true, BanReason = "abuse", UpdatedAt = TestData.Now.AddMinutes(1) };
        var reset = user with { PasswordHash = "$reset-hash", UpdatedAt = TestData.Now.AddMinutes(1) };
        Assert.True(await Store.Users.UpdateAsync(user, banned, Ct));
        Assert.True(await Store.Users.UpdateAsync(user, reset, Ct));

        // A rehash computed from the old hash, and a ban reason written from before the ban, both lose.
        Assert.False(await Store.Users.UpdateAsync(user, user with { PasswordHash = "$rehash", Name = "Lost", UpdatedAt = TestData.Now.AddMinutes(2) }, Ct));
        Assert.False(await Store.Users.UpdateAsync(user, user with { BanReason = "appeal", UpdatedAt = TestData.Now.AddMinutes(2) }, Ct));

        StoreAssert.Same(banned with { PasswordHash = "$reset-hash" }, await Store.Users.GetAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Delete_HidesTheUserFromEveryRead()
    {
        var tenant = await GivenTenantAsync();
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Username = TestData.Unique("gone"), Phone = TestData.Unique("+1") };
        await Store.Users.CreateAsync(user, Ct);

        Assert.True(await Store.Users.DeleteAsync(user.Id, TestData.Now.AddHours(1), Ct));

        Assert.Null(await Store.Users.GetAsync(user.Id, Ct));
        Assert.Null(await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, user.Email, Ct));
        Assert.Null(await Store.Users.GetByUsernameAsync(tenant.App.Id, tenant.Environment.Id, user.Username!, Ct));
        Assert.Null(await Store.Users.GetByPhoneAsync(tenant.App.Id, tenant.Environment.Id, user.Phone!, Ct));
        var page = await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id }, Ct);
        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Delete_ReturnsFalse_TheSecondTimeAndForAnUnknownUser()
    {
        var user = await GivenUserAsync();

        Assert.True(await Store.Users.DeleteAsync(user.Id, TestData.Now, Ct));
        Assert.False(await Store.Users.DeleteAsync(user.Id, TestData.Now, Ct));
        Assert.False(await Store.Users.DeleteAsync(Id<User>.New(), TestData.Now, Ct));
    }

    [Fact]
    public async Task Delete_FreesEmailUsernameAndPhone_SoTheyCanRegisterAgain()
    {
        var tenant = await GivenTenantAsync();
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Username = TestData.Unique("again"), Phone = TestData.Unique("+1") };
        await Store.Users.CreateAsync(user, Ct);
        await Store.Users.DeleteAsync(user.Id, TestData.Now, Ct);

        var again = TestData.NewUser(tenant.App.Id, tenant.Environment.Id, user.Email.ToUpperInvariant()) with { Username = user.Username, Phone = user.Phone };
        await Store.Users.CreateAsync(again, Ct);

        StoreAssert.Same(again, await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, user.Email, Ct));
        StoreAssert.Same(again, await Store.Users.GetByUsernameAsync(tenant.App.Id, tenant.Environment.Id, user.Username!, Ct));
        StoreAssert.Same(again, await Store.Users.GetByPhoneAsync(tenant.App.Id, tenant.Environment.Id, user.Phone!, Ct));
        Assert.Null(await Store.Users.GetAsync(user.Id, Ct));
    }

    [Fact]
    public async Task List_PagesByIdWithoutSkippingOrRepeating_AndAnHonestTotal()
    {
        var tenant = await GivenTenantAsync();
        var created = new List<Id<User>>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await GivenUserAsync(tenant)).Id);
        }

        var first = await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id, Page = new PageRequest(null, 3) }, Ct);
        var second = await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id, Page = new PageRequest(first.NextCursor, 3) }, Ct);
        var third = await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id, Page = new PageRequest(second.NextCursor, 3) }, Ct);

        Assert.Equal([3, 3, 1], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.All(new[] { first, second, third }, page => Assert.Equal(7, page.Total));
        Assert.NotNull(first.NextCursor);
        Assert.NotNull(second.NextCursor);
        Assert.Null(third.NextCursor);
        StoreAssert.Ids(created.InIdOrder(), first.Items.Concat(second.Items).Concat(third.Items).Select(u => u.Id));
    }

    [Fact]
    public async Task List_EndsWithoutCursor_WhenTheLastPageIsFull()
    {
        var tenant = await GivenTenantAsync();
        for (var i = 0; i < 3; i++)
        {
            await GivenUserAsync(tenant);
        }

        var page = await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id, Page = new PageRequest(null, 3) }, Ct);

        Assert.Equal(3, page.Items.Count);
        Assert.Null(page.NextCursor);
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task List_ThrowsArgumentException_ForAnInvalidCursor()
    {
        var tenant = await GivenTenantAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () =>
            await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id, Page = new PageRequest("not-a-cursor", 3) }, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () =>
            await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id, Page = new PageRequest(tenant.App.Id.ToString(), 3) }, Ct));
    }

    [Fact]
    public async Task List_FiltersByEnvironment()
    {
        var tenant = await GivenTenantAsync();
        var staging = TestData.NewEnvironment(tenant.App.Id, isDefault: false);
        await Store.Environments.CreateAsync(staging, Ct);
        var inDefault = await GivenUserAsync(tenant);
        var inStaging = TestData.NewUser(tenant.App.Id, staging.Id);
        await Store.Users.CreateAsync(inStaging, Ct);

        var all = await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id }, Ct);
        var onlyStaging = await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id, EnvId = staging.Id }, Ct);

        Assert.Equal(2, all.Total);
        StoreAssert.Ids(new[] { inDefault.Id, inStaging.Id }.InIdOrder(), all.Items.Select(u => u.Id));
        Assert.Equal(1, onlyStaging.Total);
        StoreAssert.Same(inStaging, Assert.Single(onlyStaging.Items));
    }

    [Fact]
    public async Task List_FiltersByEmailSubstring_CaseInsensitively_WithTheFilteredTotal()
    {
        var tenant = await GivenTenantAsync();
        var matching = new List<Id<User>>();
        for (var i = 0; i < 4; i++)
        {
            matching.Add((await GivenUserAsync(tenant, TestData.Unique($"sales{i}.") + "@acme.test")).Id);
        }

        for (var i = 0; i < 3; i++)
        {
            await GivenUserAsync(tenant, TestData.Unique($"dev{i}.") + "@other.test");
        }

        var first = await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id, EmailContains = "@ACME", Page = new PageRequest(null, 3) }, Ct);
        var second = await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id, EmailContains = "@ACME", Page = new PageRequest(first.NextCursor, 3) }, Ct);

        Assert.Equal(4, first.Total);
        Assert.Equal(4, second.Total);
        Assert.Null(second.NextCursor);
        StoreAssert.Ids(matching.InIdOrder(), first.Items.Concat(second.Items).Select(u => u.Id));
    }

    [Fact]
    public async Task List_MatchesEmailSubstringsLiterally_NotAsPatterns()
    {
        var tenant = await GivenTenantAsync();
        var tag = TestData.Unique("t");
        var percent = await GivenUserAsync(tenant, $"a%b{tag}@x.test");
        var underscore = await GivenUserAsync(tenant, $"a_b{tag}@x.test");
        var regex = await GivenUserAsync(tenant, $"a.*b{tag}@x.test");
        await GivenUserAsync(tenant, $"axb{tag}@x.test");
        await GivenUserAsync(tenant, $"ab{tag}@x.test");

        async Task<IEnumerable<Id<User>>> Matching(string fragment) =>
            (await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id, EmailContains = fragment }, Ct)).Items.Select(u => u.Id);

        StoreAssert.Ids([percent.Id], await Matching("%"));
        StoreAssert.Ids([underscore.Id], await Matching("_"));
        StoreAssert.Ids([regex.Id], await Matching(".*"));
        StoreAssert.Ids([percent.Id], await Matching("A%B"));
        StoreAssert.Ids([], await Matching("^a"));
        StoreAssert.Ids([], await Matching("' OR 1=1 --"));
    }

    [Fact]
    public async Task Create_ConcurrentSignUpsOfOneEmail_ExactlyOneWins()
    {
        var tenant = await GivenTenantAsync();
        var email = TestData.Unique("race") + "@example.com";

        var outcomes = await StoreAssert.ConcurrentlyAsync(20, async i =>
        {
            try
            {
                await Store.Users.CreateAsync(TestData.NewUser(tenant.App.Id, tenant.Environment.Id, i % 2 == 0 ? email : email.ToUpperInvariant()), Ct);
                return (ConflictKind?)null;
            }
            catch (StoreConflictException ex)
            {
                return ex.Kind;
            }
        });

        Assert.Single(outcomes, o => o is null);
        Assert.Equal(19, outcomes.Count(o => o == ConflictKind.EmailTaken));
        var page = await Store.Users.ListAsync(new UserQuery { AppId = tenant.App.Id }, Ct);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly_AndMatchOnlyLiterally()
    {
        var tenant = await GivenTenantAsync();
        var users = new List<User>();
        foreach (var value in HostileStrings.Short)
        {
            var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id, $"{value}{TestData.Unique("h")}@example.com") with
            {
                Name = value,
                FirstName = HostileStrings.VeryLong,
                Username = value + TestData.Unique("u"),
                BanReason = value,
                Metadata = ImmutableDictionary<string, string>.Empty.Add(value, value).Add("long", HostileStrings.VeryLong),
            };
            await Store.Users.CreateAsync(user, Ct);
            users.Add(user);
        }

        foreach (var user in users)
        {
            StoreAssert.Same(user, await Store.Users.GetAsync(user.Id, Ct));
            StoreAssert.Same(user, await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, user.Email, Ct));
            StoreAssert.Same(user, await Store.Users.GetByUsernameAsync(tenant.App.Id, tenant.Environment.Id, user.Username!, Ct));
        }

        Assert.Null(await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, "%", Ct));
        Assert.Null(await Store.Users.GetByEmailAsync(tenant.App.Id, tenant.Environment.Id, "' OR 1=1 --", Ct));
        Assert.Null(await Store.Users.GetByUsernameAsync(tenant.App.Id, tenant.Environment.Id, ".*", Ct));
        Assert.Null(await Store.Users.GetByPhoneAsync(tenant.App.Id, tenant.Environment.Id, "{\"$gt\":\"\"}", Ct));
    }

    [Fact]
    public async Task Timestamps_RoundTripExactly_AsMillisecondUtc()
    {
        var tenant = await GivenTenantAsync();
        var local = new DateTimeOffset(2040, 2, 29, 23, 59, 59, 987, TimeSpan.FromHours(-7)).AddTicks(6543);
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with
        {
            CreatedAt = local,
            UpdatedAt = local.AddTicks(1),
            PasswordChangedAt = local.AddTicks(9999),
            BanExpires = DateTimeOffset.MaxValue.AddYears(-1),
        };
        await Store.Users.CreateAsync(user, Ct);

        var stored = StoreAssert.Same(user, await Store.Users.GetAsync(user.Id, Ct));
        Assert.Equal(StoreTime.Normalize(local), stored.CreatedAt);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
        Assert.Equal(0, stored.CreatedAt.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(stored.CreatedAt, stored.UpdatedAt);
    }

    [Fact]
    public async Task ReturnedUsers_AreIndependentOfTheStoredOnes()
    {
        var user = await GivenUserAsync();
        var original = await Store.Users.GetAsync(user.Id, Ct);

        var edited = original! with { Name = "Edited", Metadata = original.Metadata.Add("edited", "yes") };

        Assert.Equal("Edited", edited.Name);
        StoreAssert.Same(user, await Store.Users.GetAsync(user.Id, Ct));
    }
}
