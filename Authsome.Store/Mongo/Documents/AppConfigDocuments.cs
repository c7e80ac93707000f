using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="AppSessionConfig"/> as stored in <c>authsome_app_session_configs</c>; durations in the invariant "c" format.</summary>
internal static class AppSessionConfigDocument
{
    public static BsonDocument ToBson(AppSessionConfig config) => new()
    {
        { Field.Id, Id(config.Id) },
        { Field.AppId, Id(config.AppId) },
        { Field.TokenTtl, Duration(config.TokenTtl) },
        { Field.RefreshTokenTtl, Duration(config.RefreshTokenTtl) },
        { Field.AbsoluteLifetime, Duration(config.AbsoluteLifetime) },
        { Field.IdleTimeout, Duration(config.IdleTimeout) },
        { Field.MaxActiveSessions, Int(config.MaxActiveSessions) },
        { Field.RotateRefreshToken, Bool(config.RotateRefreshToken) },
        { Field.BindToIp, Bool(config.BindToIp) },
        { Field.BindToDevice, Bool(config.BindToDevice) },
        { Field.TokenFormat, Enum(config.TokenFormat) },
        { Field.CreatedAt, Date(config.CreatedAt) },
        { Field.UpdatedAt, Date(config.UpdatedAt) },
    };

    public static AppSessionConfig FromBson(BsonDocument d) => new()
    {
        Id = d.Id<AppSessionConfig>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        TokenTtl = d.OptionalDuration(Field.TokenTtl),
        RefreshTokenTtl = d.OptionalDuration(Field.RefreshTokenTtl),
        AbsoluteLifetime = d.OptionalDuration(Field.AbsoluteLifetime),
        IdleTimeout = d.OptionalDuration(Field.IdleTimeout),
        MaxActiveSessions = d.OptionalInt(Field.MaxActiveSessions),
        RotateRefreshToken = d.OptionalBool(Field.RotateRefreshToken),
        BindToIp = d.OptionalBool(Field.BindToIp),
        BindToDevice = d.OptionalBool(Field.BindToDevice),
        TokenFormat = d.OptionalEnum<TokenFormat>(Field.TokenFormat),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}

/// <summary><see cref="AppClientConfig"/> as stored in <c>authsome_app_client_configs</c>.</summary>
internal static class AppClientConfigDocument
{
    public static BsonDocument ToBson(AppClientConfig config) => new()
    {
        { Field.Id, Id(config.Id) },
        { Field.AppId, Id(config.AppId) },
        { Field.SignUpEnabled, Bool(config.SignUpEnabled) },
        { Field.PasswordEnabled, Bool(config.PasswordEnabled) },
        { Field.PasskeyEnabled, Bool(config.PasskeyEnabled) },
        { Field.MagicLinkEnabled, Bool(config.MagicLinkEnabled) },
        { Field.MfaEnabled, Bool(config.MfaEnabled) },
        { Field.MfaRequired, Bool(config.MfaRequired) },
        { Field.SsoEnabled, Bool(config.SsoEnabled) },
        { Field.SocialProviders, Strings(config.SocialProviders) },
        { Field.RequireEmailVerification, Bool(config.RequireEmailVerification) },
        { Field.CreatedAt, Date(config.CreatedAt) },
        { Field.UpdatedAt, Date(config.UpdatedAt) },
    };

    public static AppClientConfig FromBson(BsonDocument d) => new()
    {
        Id = d.Id<AppClientConfig>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        SignUpEnabled = d.OptionalBool(Field.SignUpEnabled),
        PasswordEnabled = d.OptionalBool(Field.PasswordEnabled),
        PasskeyEnabled = d.OptionalBool(Field.PasskeyEnabled),
        MagicLinkEnabled = d.OptionalBool(Field.MagicLinkEnabled),
        MfaEnabled = d.OptionalBool(Field.MfaEnabled),
        MfaRequired = d.OptionalBool(Field.MfaRequired),
        SsoEnabled = d.OptionalBool(Field.SsoEnabled),
        SocialProviders = d.Strings(Field.SocialProviders),
        RequireEmailVerification = d.OptionalBool(Field.RequireEmailVerification),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
