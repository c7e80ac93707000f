using System.Text.Json;
using Authsome.Json;
using Authsome.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.Admin;

/// <summary>POST /admin/apps and PATCH /admin/apps/{id}.</summary>
public sealed record AppRequest
{
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Logo { get; init; }

    public static ValueTask<AppRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<AppRequest>(context);
}

/// <summary>An app. Its publishable key is public (clients send it in <c>X-Publishable-Key</c>).</summary>
public sealed record AppResponse(string Id, string Name, string Slug, string? Logo, string PublishableKey, bool IsPlatform, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static AppResponse From(App app) => new(app.Id.ToString(), app.Name, app.Slug, app.Logo, app.PublishableKey, app.IsPlatform, app.CreatedAt, app.UpdatedAt);
}

/// <summary>POST /admin/apps/{id}/environments and PATCH /admin/apps/{id}/environments/{env_id}.</summary>
public sealed record EnvironmentRequest
{
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public EnvironmentType? Type { get; init; }

    public static ValueTask<EnvironmentRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<EnvironmentRequest>(context);
}

/// <summary>An environment of an app.</summary>
public sealed record EnvironmentResponse(string Id, string AppId, string Name, string Slug, EnvironmentType Type, bool IsDefault, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static EnvironmentResponse From(AppEnvironment environment) =>
        new(environment.Id.ToString(), environment.AppId.ToString(), environment.Name, environment.Slug, environment.Type, environment.IsDefault, environment.CreatedAt, environment.UpdatedAt);
}

/// <summary>GET/PUT /admin/apps/{id}/session-config: null members use the engine's settings.</summary>
public sealed record SessionConfigBody
{
    public int? AccessTokenTtlSeconds { get; init; }
    public int? RefreshTokenTtlSeconds { get; init; }
    public int? MaxActiveSessions { get; init; }
    public bool? RotateRefreshToken { get; init; }

    public static ValueTask<SessionConfigBody> BindAsync(HttpContext context) => RequestBody.ReadAsync<SessionConfigBody>(context);

    internal static SessionConfigBody From(AppSessionConfig? config) => new()
    {
        AccessTokenTtlSeconds = config?.TokenTtl is { } access ? (int)access.TotalSeconds : null,
        RefreshTokenTtlSeconds = config?.RefreshTokenTtl is { } refresh ? (int)refresh.TotalSeconds : null,
        MaxActiveSessions = config?.MaxActiveSessions,
        RotateRefreshToken = config?.RotateRefreshToken,
    };
}

/// <summary>GET/PUT /admin/apps/{id}/client-config: null members use the engine's settings.</summary>
public sealed record ClientConfigBody
{
    public bool? SignUpEnabled { get; init; }
    public bool? PasswordEnabled { get; init; }
    public bool? RequireEmailVerification { get; init; }

    public static ValueTask<ClientConfigBody> BindAsync(HttpContext context) => RequestBody.ReadAsync<ClientConfigBody>(context);

    internal static ClientConfigBody From(AppClientConfig? config) => new()
    {
        SignUpEnabled = config?.SignUpEnabled,
        PasswordEnabled = config?.PasswordEnabled,
        RequireEmailVerification = config?.RequireEmailVerification,
    };
}

/// <summary>A user as administrators see them: the profile, where they belong, and their ban.</summary>
public sealed record AdminUserResponse(
    string Id, string AppId, string EnvId, string Email, bool EmailVerified, string? Name, string? Username,
    bool Banned, string? BanReason, DateTimeOffset? BanExpires, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static AdminUserResponse From(User user) => new(
        user.Id.ToString(), user.AppId.ToString(), user.EnvId.ToString(), user.Email, user.EmailVerified, user.Name, user.DisplayUsername ?? user.Username,
        user.Banned, user.BanReason, user.BanExpires, user.CreatedAt, user.UpdatedAt);
}

/// <summary>POST /admin/users/{id}/ban.</summary>
public sealed record BanRequest
{
    public string? Reason { get; init; }

    /// <summary>When the ban ends; null: until lifted.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public static ValueTask<BanRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<BanRequest>(context);
}

/// <summary>PUT /admin/settings/{key}.</summary>
public sealed record SettingRequest
{
    public SettingScope? Scope { get; init; }

    /// <summary>The app, organization or user id; omitted for the global scope.</summary>
    public string? ScopeId { get; init; }
    public JsonElement? Value { get; init; }

    public static ValueTask<SettingRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<SettingRequest>(context);
}

/// <summary>A setting at one scope.</summary>
public sealed record SettingResponse(string Key, SettingScope Scope, string ScopeId, JsonElement Value, DateTimeOffset UpdatedAt)
{
    internal static SettingResponse From(Setting setting) =>
        new(setting.Key, setting.Scope, setting.ScopeId, JsonDocument.Parse(setting.Value).RootElement.Clone(), setting.UpdatedAt);
}
