using System.Collections.Concurrent;
using Authsome.Errors;
using Authsome.Security;
using Authsome.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Apps;

/// <summary>
/// Finds (and on first start creates) the app and default environment the engine serves: the platform app unless
/// <c>Authsome:AppId</c> names another. Creation is idempotent and race-safe: when a concurrent instance creates
/// the same app or environment first, its conflict is taken as success and the stored one is read back.
/// The answer is cached for the process; a failure is not, so the next request tries again.
/// A request may name another app by its publishable key (<see cref="PublishableKeyHeader"/>): it is then served as
/// that app's default environment, so its users, sessions and organizations are that app's and no other's.
/// </summary>
internal sealed partial class AppResolver(
    IAuthsomeStore store,
    IOptions<AuthsomeOptions> options,
    IHostEnvironment hostEnvironment,
    TimeProvider time,
    IHttpContextAccessor requests,
    ILogger<AppResolver> logger)
{
    /// <summary>The request header naming the app by its publishable key (<c>pk_...</c>).</summary>
    public const string PublishableKeyHeader = "X-Publishable-Key";

    private const string PlatformSlug = "platform";
    private const string DefaultEnvironmentSlug = "default";
    private static readonly TimeSpan KeyCacheTtl = TimeSpan.FromSeconds(30);
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, (AuthsomeApp App, DateTimeOffset Until)> byKey = new(StringComparer.Ordinal);
    private Task<AuthsomeApp>? resolving;

    /// <summary>The app the current request names by its publishable key, else the default app.</summary>
    public Task<AuthsomeApp> GetAsync(CancellationToken cancellationToken)
    {
        string? key = requests.HttpContext?.Request.Headers[PublishableKeyHeader];
        return string.IsNullOrEmpty(key) ? GetDefaultAsync(cancellationToken) : GetByKeyAsync(key, cancellationToken);
    }

    /// <summary>Forgets what was resolved from publishable keys (an app or its environments changed).</summary>
    public void Invalidate() => byKey.Clear();

    /// <summary>The app served when a request names none: the platform app unless <c>Authsome:AppId</c> names another.</summary>
    public Task<AuthsomeApp> GetDefaultAsync(CancellationToken cancellationToken)
    {
        Task<AuthsomeApp> task;
        lock (gate)
        {
            if (resolving is null || resolving.IsFaulted || resolving.IsCanceled)
            {
                // Not tied to one caller's token: one request giving up must not fail the others.
                resolving = ResolveAsync(CancellationToken.None);
            }

            task = resolving;
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task<AuthsomeApp> GetByKeyAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (byKey.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.App;
        }

        var app = key.Length <= 200 && key.StartsWith("pk_", StringComparison.Ordinal)
            ? await store.Apps.GetByPublishableKeyAsync(key, cancellationToken)
            : null;
        if (app is null)
        {
            throw new AuthsomeException(AuthsomeErrors.PublishableKeyInvalid, "The publishable key names no app.");
        }

        var resolved = new AuthsomeApp(app, await EnsureDefaultEnvironmentAsync(app, cancellationToken));
        byKey[key] = (resolved, now + KeyCacheTtl);
        return resolved;
    }

    private async Task<AuthsomeApp> ResolveAsync(CancellationToken cancellationToken)
    {
        var app = options.Value.AppId is { Length: > 0 } configured
            ? await store.Apps.GetAsync(Id<App>.Parse(configured), cancellationToken)
              ?? throw new InvalidOperationException($"Authsome:AppId names app {configured}, which does not exist in the store.")
            : await EnsurePlatformAppAsync(cancellationToken);
        var environment = await EnsureDefaultEnvironmentAsync(app, cancellationToken);
        return new AuthsomeApp(app, environment);
    }

    private async Task<App> EnsurePlatformAppAsync(CancellationToken cancellationToken)
    {
        if (await store.Apps.GetPlatformAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = time.GetStoreNow();
        var app = new App
        {
            Id = Id<App>.New(now),
            Name = "Authsome",
            Slug = PlatformSlug,
            PublishableKey = "pk_" + SecretTokens.NewToken(),
            IsPlatform = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            await store.Apps.CreateAsync(app, cancellationToken);
            LogCreatedPlatformApp(logger, app.Id.ToString());
            return app;
        }
        catch (StoreConflictException)
        {
            return await store.Apps.GetPlatformAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Cannot create the platform app: another app already uses the slug '{PlatformSlug}'.");
        }
    }

    private async Task<AppEnvironment> EnsureDefaultEnvironmentAsync(App app, CancellationToken cancellationToken)
    {
        if (await store.Environments.GetDefaultAsync(app.Id, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = time.GetStoreNow();
        var environment = new AppEnvironment
        {
            Id = Id<AppEnvironment>.New(now),
            AppId = app.Id,
            Name = "Default",
            Slug = DefaultEnvironmentSlug,
            Type = hostEnvironment.IsDevelopment() ? EnvironmentType.Development : EnvironmentType.Production,
            IsDefault = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            await store.Environments.CreateAsync(environment, cancellationToken);
            LogCreatedEnvironment(logger, environment.Id.ToString(), app.Id.ToString());
            return environment;
        }
        catch (StoreConflictException)
        {
            return await store.Environments.GetDefaultAsync(app.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Cannot create a default environment for app {app.Id}: the slug '{DefaultEnvironmentSlug}' is taken by another environment.");
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Created the platform app {AppId}")]
    private static partial void LogCreatedPlatformApp(ILogger logger, string appId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Created the default environment {EnvId} of app {AppId}")]
    private static partial void LogCreatedEnvironment(ILogger logger, string envId, string appId);
}
