using System.Collections.Immutable;
using System.Diagnostics;
using Authsome.Store.Mongo;
using Authsome.Store.Testing;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Store.Tests.Mongo;

/// <summary>What is particular to the MongoDB backend: the stored documents' shape, connection handling, tracing, and errors.</summary>
public sealed class MongoStoreBehaviourTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Documents_AreSnakeCase_WithTypeIdIds_BsonDates_AndHashesAsHex()
    {
        await using var store = (MongoStore)await MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStoreBehaviourTests), Ct);
        var (app, environment) = await TestSeeds.TenantAsync(store, Ct);
        var user = TestData.NewUser(app.Id, environment.Id) with { Metadata = ImmutableDictionary<string, string>.Empty.Add("plan", "pro") };
        await store.Users.CreateAsync(user, Ct);
        var session = TestData.NewSession(user);
        await store.Sessions.CreateAsync(session, Ct);

        var userDocument = await RawAsync(store, "authsome_users", user.Id.ToString());
        Assert.Equal(user.Id.ToString(), userDocument["_id"].AsString);
        Assert.Equal(app.Id.ToString(), userDocument["app_id"].AsString);
        Assert.Equal(user.Email, userDocument["email"].AsString);
        Assert.Equal(BsonType.DateTime, userDocument["created_at"].BsonType);
        Assert.Equal(user.CreatedAt.ToUnixTimeMilliseconds(), userDocument["created_at"].AsBsonDateTime.MillisecondsSinceEpoch);
        Assert.Equal(BsonNull.Value, userDocument["deleted_at"]);
        Assert.Equal(new BsonDocument("plan", "pro"), userDocument["metadata"].AsBsonDocument);
        Assert.False(userDocument.Contains("Email"));

        var sessionDocument = await RawAsync(store, "authsome_sessions", session.Id.ToString());
        Assert.Equal(session.TokenHash.Hex, sessionDocument["token_hash"].AsString);
        Assert.Equal(session.RefreshTokenHash.Hex, sessionDocument["refresh_token_hash"].AsString);
        Assert.Equal(BsonType.DateTime, sessionDocument["refresh_token_expires_at"].BsonType);
    }

    [Fact]
    public async Task RevokedRefreshTokens_AreKeyedByTheTokenHash()
    {
        await using var store = (MongoStore)await MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStoreBehaviourTests), Ct);
        var session = await TestSeeds.SessionAsync(store, Ct);
        var rotated = session with { TokenHash = TestData.NewSecretHash(), RefreshTokenHash = TestData.NewSecretHash(), UpdatedAt = TestData.Now.AddMinutes(1) };

        Assert.True(await store.Sessions.RotateAsync(rotated, session.RefreshTokenHash, Ct));

        var revoked = await RawAsync(store, "authsome_revoked_refresh_tokens", session.RefreshTokenHash.Hex);
        Assert.Equal(session.AppId.ToString(), revoked["app_id"].AsString);
        Assert.Equal(session.FamilyId.ToString(), revoked["family_id"].AsString);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rotate_ToATokenHashAnotherSessionHolds_IsAConflict_AndLeavesNoRevocation(bool transactions)
    {
        await using var store = (MongoStore)await MongoTestServer.CreateMigratedStoreAsync(
            nameof(MongoStoreBehaviourTests) + (transactions ? "Txn" : "Solo"), Ct, new MongoStoreSettings { Transactions = transactions ? null : false });
        var session = await TestSeeds.SessionAsync(store, Ct);
        var other = await TestSeeds.SessionAsync(store, Ct);
        var clashing = session with { TokenHash = other.TokenHash, RefreshTokenHash = TestData.NewSecretHash() };

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, async () => await store.Sessions.RotateAsync(clashing, session.RefreshTokenHash, Ct));

        StoreAssert.Same(session, await store.Sessions.GetAsync(session.Id, Ct));
        Assert.Null(await store.Sessions.GetRevokedRefreshTokenAsync(session.RefreshTokenHash, Ct));
        Assert.True(await store.Sessions.RotateAsync(session with { RefreshTokenHash = TestData.NewSecretHash() }, session.RefreshTokenHash, Ct));
    }

    [Fact]
    public async Task EmailContains_WithNulAndBackslashes_MatchesLiterally()
    {
        await using var store = (MongoStore)await MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStoreBehaviourTests), Ct);
        var (app, environment) = await TestSeeds.TenantAsync(store, Ct);
        var tag = TestData.Unique("n");
        var nul = TestData.NewUser(app.Id, environment.Id, $"a\0b\\E{tag}@x.test");
        await store.Users.CreateAsync(nul, Ct);
        await store.Users.CreateAsync(TestData.NewUser(app.Id, environment.Id, $"ab{tag}@x.test"), Ct);

        var page = await store.Users.ListAsync(new UserQuery { AppId = app.Id, EmailContains = "\0B\\e" }, Ct);

        StoreAssert.Ids([nul.Id], page.Items.Select(u => u.Id));
    }

    [Fact]
    public async Task TextThatCannotBeStored_IsAnArgumentException_AndWritesNothing()
    {
        await using var store = (MongoStore)await MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStoreBehaviourTests), Ct);
        var (app, environment) = await TestSeeds.TenantAsync(store, Ct);
        var loneSurrogate = TestData.NewUser(app.Id, environment.Id) with { Name = "broken \ud800 text" };
        var nulKey = TestData.NewUser(app.Id, environment.Id) with { Metadata = ImmutableDictionary<string, string>.Empty.Add("a\0b", "v") };

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.Users.CreateAsync(loneSurrogate, Ct));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.Users.CreateAsync(nulKey, Ct));

        Assert.Null(await store.Users.GetAsync(loneSurrogate.Id, Ct));
        Assert.Null(await store.Users.GetAsync(nulKey.Id, Ct));
    }

    [Theory]
    [InlineData("a.b", @"a\x{2e}b")]
    [InlineData("Ab9", "Ab9")]
    [InlineData("\0", @"\x{0}")]
    [InlineData("\\Q.*\\E", @"\x{5c}Q\x{2e}\x{2a}\x{5c}E")]
    [InlineData("é👩", @"\x{e9}\x{1f469}")]
    public void LiteralPattern_EscapesEverythingButAsciiLettersAndDigits(string text, string pattern) =>
        Assert.Equal(pattern, MongoUserStore.LiteralPattern(text));

    [Theory]
    [InlineData("E11000 duplicate key error collection: db.authsome_users index: users_email_unique dup key: { app_id: \"a\" }", "users_email_unique")]
    [InlineData("Duplicate key violation on the requested collection: Index 'users_phone_unique'", "users_phone_unique")]
    [InlineData("E11000 duplicate key error collection: db.authsome_users index: _id_ dup key: { _id: \"ausr_x\" }", "_id_")]
    [InlineData("duplicate key", null)]
    public void DuplicateKeyMessages_NameTheIndex(string message, string? index) =>
        Assert.Equal(index, MongoErrors.IndexNameIn(message));

    [Fact]
    public async Task AnUnreachableServer_IsReportedAsUnavailable()
    {
        await using var store = new MongoStore("mongodb://127.0.0.1:9/authsome?serverSelectionTimeoutMS=300&connectTimeoutMS=300");

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PingAsync(Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.Users.GetAsync(Id<User>.New(), Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.Apps.DeleteAsync(Id<App>.New(), Ct));
    }

    [Fact]
    public void ConnectionStrings_MustNameADatabase_AndBadOnesDoNotEchoTheirSecrets()
    {
        var missing = Assert.Throws<ArgumentException>(() => new MongoStore("mongodb://127.0.0.1:9/"));
        Assert.Contains("names no database", missing.Message, StringComparison.Ordinal);

        var malformed = Assert.Throws<ArgumentException>(() => new MongoStore("mongodb://user:s3cr3t-pw@/db?bogus=%%"));
        Assert.DoesNotContain("s3cr3t-pw", malformed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExplicitDatabaseName_WinsOverTheUrls()
    {
        var database = MongoTestServer.DatabaseName("explicitdb");
        await using var store = new MongoStore(MongoTestServer.UrlWithDatabase("ignored"), database);

        Assert.Equal(database, store.Database.DatabaseNamespace.DatabaseName);
        await store.PingAsync(Ct);
    }

    [Fact]
    public async Task AStoreFromAUrl_TracesItsCommands_WithoutQueryText()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MongoTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        await using var store = new MongoStore(MongoTestServer.UrlWithDatabase(MongoTestServer.DatabaseName("traced")));

        await store.PingAsync(Ct);
        await store.Users.GetByEmailAsync(Id<App>.New(), Id<AppEnvironment>.New(), "secret-person@example.com", Ct);

        lock (activities)
        {
            Assert.NotEmpty(activities);
            Assert.All(activities, a => Assert.DoesNotContain(a.TagObjects, t => t.Key == "db.query.text"));
        }
    }

    [Fact]
    public async Task DeleteApp_RemovesEverythingItOwns_AndARepeatIsHarmless()
    {
        await using var store = (MongoStore)await MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStoreBehaviourTests), Ct);
        var session = await TestSeeds.SessionAsync(store, Ct);
        var user = (await store.Users.GetAsync(session.UserId, Ct))!;
        var organization = TestData.NewOrganization(user.AppId, user.Id);
        await store.Organizations.CreateAsync(organization, Ct);
        await store.Members.CreateAsync(TestData.NewMember(organization.Id, user.Id), Ct);
        await store.Branding.SaveAsync(TestData.NewBranding(organization.Id), Ct);
        var role = TestData.NewRole(user.AppId);
        await store.Roles.CreateAsync(role, Ct);
        await store.Roles.AddPermissionAsync(TestData.NewPermission(role.Id, "read", "*"), Ct);
        await store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, role.Id, organization.Id), Ct);
        await store.Settings.SetAsync(TestData.NewSetting("theme", SettingScope.App, user.AppId.ToString()), Ct);
        Assert.True(await store.Sessions.RotateAsync(session with { RefreshTokenHash = TestData.NewSecretHash(), TokenHash = TestData.NewSecretHash() }, session.RefreshTokenHash, Ct));
        var survivor = await TestSeeds.SessionAsync(store, Ct);

        Assert.True(await store.Apps.DeleteAsync(user.AppId, Ct));

        foreach (var collection in OwnedCollections)
        {
            var left = await store.Database.GetCollection<BsonDocument>(collection).Find(
                Builders<BsonDocument>.Filter.Eq("app_id", user.AppId.ToString())
                | Builders<BsonDocument>.Filter.Eq("org_id", organization.Id.ToString())
                | Builders<BsonDocument>.Filter.Eq("role_id", role.Id.ToString())
                | Builders<BsonDocument>.Filter.Eq("scope_id", user.AppId.ToString())
                | Builders<BsonDocument>.Filter.Eq("_id", user.AppId.ToString())).ToListAsync(Ct);
            Assert.True(left.Count == 0, $"{collection} still holds {left.Count} documents of the deleted app.");
        }

        Assert.False(await store.Apps.DeleteAsync(user.AppId, Ct));
        Assert.NotNull(await store.Sessions.GetAsync(survivor.Id, Ct));
    }

    [Fact]
    public async Task DeleteApp_InterruptedWithoutATransaction_LeavesTheAppAndARepeatFinishesTheJob()
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var deletes = 0;
        var settings = MongoClientSettings.FromUrl(new MongoUrl(MongoTestServer.UrlWithDatabase("unused")));
        settings.ClusterConfigurator = cluster => cluster.Subscribe<MongoDB.Driver.Core.Events.CommandStartedEvent>(e =>
        {
            if (e.CommandName == "delete" && Interlocked.Increment(ref deletes) == 4)
            {
                interrupt.Cancel();
            }
        });
        using var client = new MongoClient(settings);
        var database = MongoTestServer.DatabaseName("interrupted");
        await using var store = new MongoStore(client, database, loggerFactory: null, ownsClient: false, MongoTestServer.Standalone);
        await store.MigrateAsync([], Ct);
        var session = await TestSeeds.SessionAsync(store, Ct);
        var user = (await store.Users.GetAsync(session.UserId, Ct))!;
        var organization = TestData.NewOrganization(user.AppId, user.Id);
        await store.Organizations.CreateAsync(organization, Ct);
        await store.Members.CreateAsync(TestData.NewMember(organization.Id, user.Id), Ct);
        await store.ApiKeys.CreateAsync(TestData.NewApiKey(user.AppId, user.Id), Ct);
        Interlocked.Exchange(ref deletes, 0);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.Apps.DeleteAsync(user.AppId, interrupt.Token));

        Assert.NotNull(await store.Apps.GetAsync(user.AppId, Ct));
        Assert.Empty(await store.Members.ListAsync(organization.Id, Ct));
        Assert.True(await store.Apps.DeleteAsync(user.AppId, Ct));
        Assert.Null(await store.Apps.GetAsync(user.AppId, Ct));
        Assert.Null(await store.Users.GetAsync(user.Id, Ct));
        Assert.Null(await store.Sessions.GetAsync(session.Id, Ct));
        Assert.Null(await store.Organizations.GetAsync(organization.Id, Ct));
        Assert.Empty(await store.ApiKeys.ListByAppAsync(user.AppId, Ct));
    }

    [Fact]
    public async Task SetDefault_WithoutATransaction_YieldsToADefaultSetBetweenItsClearAndItsSet()
    {
        // Another call's default lands right after this call cleared the old one: this call must not clear again
        // (many calls doing so on a slow server undid each other until their attempts ran out).
        var environments = MongoTestServer.Client.GetDatabase(MongoTestServer.DatabaseName("yielding"))
            .GetCollection<BsonDocument>("authsome_environments");
        string? contender = null;
        var clears = 0;
        var clearRequest = -1;
        var settings = MongoClientSettings.FromUrl(new MongoUrl(MongoTestServer.UrlWithDatabase("unused")));
        settings.ClusterConfigurator = cluster => cluster
            .Subscribe<MongoDB.Driver.Core.Events.CommandStartedEvent>(e =>
            {
                if (e.CommandName == "update" && ClearsTheDefault(e.Command))
                {
                    Interlocked.Increment(ref clears);
                    Volatile.Write(ref clearRequest, e.RequestId);
                }
            })
            .Subscribe<MongoDB.Driver.Core.Events.CommandSucceededEvent>(e =>
            {
                if (e.RequestId == Volatile.Read(ref clearRequest) && Interlocked.Exchange(ref contender, null) is { } id)
                {
                    environments.UpdateOne(Builders<BsonDocument>.Filter.Eq("_id", id), Builders<BsonDocument>.Update.Set("is_default", true));
                }
            });
        using var client = new MongoClient(settings);
        await using var store = new MongoStore(client, environments.Database.DatabaseNamespace.DatabaseName, loggerFactory: null, ownsClient: false, MongoTestServer.Standalone);
        await store.MigrateAsync([], Ct);
        var (app, _) = await TestSeeds.TenantAsync(store, Ct);
        var requested = TestData.NewEnvironment(app.Id, isDefault: false);
        var concurrent = TestData.NewEnvironment(app.Id, isDefault: false);
        await store.Environments.CreateAsync(requested, Ct);
        await store.Environments.CreateAsync(concurrent, Ct);
        contender = concurrent.Id.ToString();

        await store.Environments.SetDefaultAsync(app.Id, requested.Id, Ct);

        Assert.Null(contender);
        Assert.Equal(1, clears);
        Assert.Equal(concurrent.Id, (await store.Environments.GetDefaultAsync(app.Id, Ct))!.Id);
        Assert.Single(await store.Environments.ListAsync(app.Id, Ct), e => e.IsDefault);
    }

    private static readonly string[] OwnedCollections =
    [
        "authsome_apps", "authsome_environments", "authsome_users", "authsome_sessions", "authsome_revoked_refresh_tokens",
        "authsome_organizations", "authsome_members", "authsome_branding_configs", "authsome_roles", "authsome_permissions",
        "authsome_role_assignments", "authsome_settings",
    ];

    private static bool ClearsTheDefault(BsonDocument update) =>
        update.TryGetValue("updates", out var updates)
        && updates.AsBsonArray.Any(u => u["u"] is BsonDocument { } change
            && change.TryGetValue("$set", out var set) && set is BsonDocument { } fields
            && fields.TryGetValue("is_default", out var value) && value == BsonBoolean.False);

    private static Task<BsonDocument> RawAsync(MongoStore store, string collection, string id) =>
        store.Database.GetCollection<BsonDocument>(collection).Find(Builders<BsonDocument>.Filter.Eq("_id", id)).SingleAsync(Ct);
}
