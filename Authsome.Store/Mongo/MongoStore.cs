using Authsome.Store.Migrations;
using Authsome.Store.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>
/// The MongoDB backend: one collection per sub-store (<c>authsome_users</c>, <c>authsome_sessions</c>, ...), documents
/// in snake_case with the TypeID string as <c>_id</c>, BSON dates, and secrets only as SHA-256 hex strings. Unique
/// rules are unique (often partial) indexes created by the <c>authsome</c> migration group; single-document
/// operations are atomic filtered updates, and cascades run in a transaction where the server supports one.
/// </summary>
/// <remarks>
/// Works with MongoDB 5.0 or later (and compatible servers). Transactions need a replica set or a sharded cluster;
/// on a standalone server every operation stays correct, and an interrupted cascade is completed by repeating it.
/// See <c>docs/mongo.md</c>.
/// </remarks>
public sealed class MongoStore : IAuthsomeStore, IPluginStoreHost
{
    private readonly MongoContext _context;
    private readonly IMongoClient? _ownedClient;
    private readonly ILogger _logger;
    private readonly MongoStoreSettings _settings;
    private readonly PluginStoreCache _pluginStores = new();

    /// <summary>
    /// Connects with a <c>mongodb://</c> or <c>mongodb+srv://</c> URL. The database is <paramref name="databaseName"/>
    /// when given, else the one the URL names (<c>mongodb://host/authsome</c>). The store owns the client it creates
    /// (disposing the store closes it) and switches on the driver's OpenTelemetry tracing (ActivitySource
    /// <c>MongoDB.Driver</c>), without query text, which would carry emails and token hashes.
    /// </summary>
    public MongoStore(string connectionString, string? databaseName = null, ILoggerFactory? loggerFactory = null)
        : this(CreateClient(connectionString, databaseName, out var database), database, loggerFactory, ownsClient: true, new MongoStoreSettings())
    {
    }

    /// <summary>Uses an existing client (configured and disposed by its owner) and the named database.</summary>
    public MongoStore(IMongoClient client, string databaseName, ILoggerFactory? loggerFactory = null)
        : this(client, databaseName, loggerFactory, ownsClient: false, new MongoStoreSettings())
    {
    }

    internal MongoStore(IMongoClient client, string databaseName, ILoggerFactory? loggerFactory, bool ownsClient, MongoStoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ArgumentNullException.ThrowIfNull(settings);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<MongoStore>();
        _ownedClient = ownsClient ? client : null;
        _settings = settings;
        _context = new MongoContext(client, client.GetDatabase(databaseName), _logger, settings);
        var cascades = new MongoCascades(_context);

        Users = new MongoUserStore(_context);
        Sessions = new MongoSessionStore(_context);
        Verifications = new MongoVerificationStore(_context);
        PasswordResets = new MongoPasswordResetStore(_context);
        Apps = new MongoAppStore(_context, cascades);
        Environments = new MongoEnvironmentStore(_context);
        Organizations = new MongoOrganizationStore(_context, cascades);
        Members = new MongoMemberStore(_context);
        Invitations = new MongoInvitationStore(_context);
        Teams = new MongoTeamStore(_context);
        Devices = new MongoDeviceStore(_context);
        Webhooks = new MongoWebhookStore(_context);
        Notifications = new MongoNotificationStore(_context);
        ApiKeys = new MongoApiKeyStore(_context);
        FormConfigs = new MongoFormConfigStore(_context);
        Branding = new MongoBrandingStore(_context);
        AppSessionConfigs = new MongoAppConfigStore<AppSessionConfig>(
            _context, MongoCollections.AppSessionConfigs, "app session config", c => c.AppId, AppSessionConfigDocument.ToBson, AppSessionConfigDocument.FromBson);
        AppClientConfigs = new MongoAppConfigStore<AppClientConfig>(
            _context, MongoCollections.AppClientConfigs, "app client config", c => c.AppId, AppClientConfigDocument.ToBson, AppClientConfigDocument.FromBson);
        Settings = new MongoSettingsStore(_context);
        ServiceAccounts = new MongoServiceAccountStore(_context);
        Roles = new MongoRoleStore(_context, cascades);
        RoleAssignments = new MongoRoleAssignmentStore(_context);
        Counters = new MongoCounterStore(_context);
    }

    /// <summary>The database this store uses (for tests).</summary>
    internal IMongoDatabase Database => _context.Database;

    /// <inheritdoc />
    public Task<T> InTransactionAsync<T>(Func<IAuthsomeStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _context.InUnitAsync(ct => work(this, ct), cancellationToken);
    }

    public IUserStore Users { get; }

    public ISessionStore Sessions { get; }

    public IVerificationStore Verifications { get; }

    public IPasswordResetStore PasswordResets { get; }

    public IAppStore Apps { get; }

    public IEnvironmentStore Environments { get; }

    public IOrganizationStore Organizations { get; }

    public IMemberStore Members { get; }

    public IInvitationStore Invitations { get; }

    public ITeamStore Teams { get; }

    public IDeviceStore Devices { get; }

    public IWebhookStore Webhooks { get; }

    public INotificationStore Notifications { get; }

    public IApiKeyStore ApiKeys { get; }

    public IFormConfigStore FormConfigs { get; }

    public IBrandingStore Branding { get; }

    public IAppConfigStore<AppSessionConfig> AppSessionConfigs { get; }

    public IAppConfigStore<AppClientConfig> AppClientConfigs { get; }

    public ISettingsStore Settings { get; }

    public IServiceAccountStore ServiceAccounts { get; }

    public IRoleStore Roles { get; }

    public IRoleAssignmentStore RoleAssignments { get; }

    public ICounterStore Counters { get; }

    /// <inheritdoc />
    public Task<IReadOnlyList<PlannedMigration>> MigrateAsync(IEnumerable<MigrationGroup> extraGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraGroups);
        return MigrationOrchestrator.RunAsync(new MongoMigrationDriver(_context, _settings), [MongoCoreMigrations.Group, .. extraGroups], _logger, cancellationToken);
    }

    /// <inheritdoc />
    public Task<MigrationStatus> GetMigrationStatusAsync(IEnumerable<MigrationGroup> extraGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraGroups);
        return MigrationOrchestrator.GetStatusAsync(new MongoMigrationDriver(_context, _settings), [MongoCoreMigrations.Group, .. extraGroups], cancellationToken);
    }

    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken) =>
        await MongoCall.RunAsync("ping", () => _context.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken)).ConfigureAwait(false);

    /// <summary>
    /// Deletes expired sessions and revoked-token records (the TTL indexes do the same within about a minute of
    /// expiry, by the server's clock), expired or consumed verifications and resets, and expires pending invitations.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = BsonWrite.Date(StoreTime.Normalize(now));
        var spent = Filter.Lte(Field.ExpiresAt, at) | Filter.Not(IsNull(Field.ConsumedAt));
        return await MongoCall.RunAsync("expired record", async () =>
        {
            long count = 0;
            count += await DeleteManyAsync(MongoCollections.Sessions, Filter.Lte(Field.RefreshTokenExpiresAt, at)).ConfigureAwait(false);
            count += await DeleteManyAsync(MongoCollections.RevokedRefreshTokens, Filter.Lte(Field.ExpiresAt, at)).ConfigureAwait(false);
            count += await DeleteManyAsync(MongoCollections.Verifications, spent).ConfigureAwait(false);
            count += await DeleteManyAsync(MongoCollections.PasswordResets, spent).ConfigureAwait(false);
            count += await DeleteManyAsync(MongoCollections.Counters, Filter.Lte(Field.WindowEndsAt, at)).ConfigureAwait(false);
            var expired = await _context.Collection(MongoCollections.Invitations).UpdateManyAsync(
                Filter.Eq(Field.Status, BsonWrite.Enum(InvitationStatus.Pending)) & Filter.Lte(Field.ExpiresAt, at),
                Update.Set(Field.Status, BsonWrite.Enum(InvitationStatus.Expired)).Set(Field.UpdatedAt, at),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            count += expired.ModifiedCount;
            return (int)Math.Min(count, int.MaxValue);
        }).ConfigureAwait(false);

        async Task<long> DeleteManyAsync(string collection, FilterDefinition<BsonDocument> filter) =>
            (await _context.Collection(collection).DeleteManyAsync(filter, cancellationToken).ConfigureAwait(false)).DeletedCount;
    }

    /// <inheritdoc />
    TStore IPluginStoreHost.GetPluginStore<TStore>(PluginStoreDefinition<TStore> definition) =>
        _pluginStores.GetOrCreate(definition, definition?.Mongo, () => new MongoPluginContext(_context), "MongoDB");

    /// <summary>Closes the client when the store created it; a client passed in stays open for its owner.</summary>
    public ValueTask DisposeAsync()
    {
        _ownedClient?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static IMongoClient CreateClient(string connectionString, string? databaseName, out string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        MongoUrl url;
        try
        {
            url = MongoUrl.Create(connectionString);
        }
        catch (Exception ex) when (ex is MongoConfigurationException or FormatException or ArgumentException)
        {
            // The driver's message can quote the URL, password included; say only what is wrong.
            throw new ArgumentException("The MongoDB connection string is not a valid mongodb:// or mongodb+srv:// URL.", nameof(connectionString));
        }

        database = !string.IsNullOrWhiteSpace(databaseName) ? databaseName
            : !string.IsNullOrWhiteSpace(url.DatabaseName) ? url.DatabaseName
            : throw new ArgumentException("The MongoDB connection string names no database (mongodb://host/<database>) and none was given.", nameof(connectionString));

        var settings = MongoClientSettings.FromUrl(url);
        settings.ApplicationName ??= "authsome";
        settings.TracingOptions = new TracingOptions { Disabled = false, QueryTextMaxLength = 0 };
        return new MongoClient(settings);
    }
}
