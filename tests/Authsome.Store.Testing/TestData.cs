using System.Collections.Immutable;

namespace Authsome.Store.Testing;

/// <summary>
/// Builders of valid entities with fresh ids and unique names, for the conformance suite and for your own tests.
/// Each returns a complete record; change what a test is about with <c>with</c>. Nothing here touches a store.
/// </summary>
public static class TestData
{
    /// <summary>
    /// The time tests write into entities. It is in the future, so a backend that expires documents by wall-clock
    /// time (a MongoDB TTL index) never removes test data while a test runs, and after <see cref="PurgeEra"/>, so
    /// purge tests never touch other tests' data.
    /// </summary>
    public static readonly DateTimeOffset Now = new(2040, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The time purge tests purge at: every expiry other tests write is later than this.</summary>
    public static readonly DateTimeOffset PurgeEra = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A string no other test uses: <paramref name="prefix"/> followed by 16 random hex characters.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A fresh, unguessable secret and its hash, as the engine would make for a token.</summary>
    public static SecretHash NewSecretHash() => SecretHash.Of(Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"));

    public static App NewApp() => new()
    {
        Id = Id<App>.New(),
        Name = "Test app",
        Slug = Unique("app-"),
        PublishableKey = Unique("pk_test_"),
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static AppEnvironment NewEnvironment(Id<App> appId, bool isDefault = true) => new()
    {
        Id = Id<AppEnvironment>.New(),
        AppId = appId,
        Name = "Development",
        Slug = Unique("env-"),
        Type = EnvironmentType.Development,
        IsDefault = isDefault,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static User NewUser(Id<App> appId, Id<AppEnvironment> envId, string? email = null) => new()
    {
        Id = Id<User>.New(),
        AppId = appId,
        EnvId = envId,
        Email = email ?? Unique("user-") + "@example.com",
        Name = "Test User",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    /// <summary>A session of the user whose access token expires an hour after <see cref="Now"/> and refresh token a day after.</summary>
    public static Session NewSession(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = Id<Session>.New();
        return new Session
        {
            Id = id,
            AppId = user.AppId,
            EnvId = user.EnvId,
            UserId = user.Id,
            FamilyId = id,
            TokenHash = NewSecretHash(),
            RefreshTokenHash = NewSecretHash(),
            IpAddress = "203.0.113.7",
            UserAgent = "conformance-tests",
            LastActivityAt = Now,
            ExpiresAt = Now.AddHours(1),
            RefreshTokenExpiresAt = Now.AddDays(1),
            CreatedAt = Now,
            UpdatedAt = Now,
        };
    }

    /// <summary>An email verification of the user that expires an hour after <see cref="Now"/>.</summary>
    public static Verification NewVerification(User user, VerificationType type = VerificationType.Email)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Verification
        {
            Id = Id<Verification>.New(),
            AppId = user.AppId,
            UserId = user.Id,
            Type = type,
            Target = user.Email,
            TokenHash = NewSecretHash(),
            CodeHash = NewSecretHash(),
            ExpiresAt = Now.AddHours(1),
            CreatedAt = Now,
        };
    }

    /// <summary>A password reset of the user that expires an hour after <see cref="Now"/>.</summary>
    public static PasswordReset NewPasswordReset(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new PasswordReset
        {
            Id = Id<PasswordReset>.New(),
            AppId = user.AppId,
            UserId = user.Id,
            TokenHash = NewSecretHash(),
            ExpiresAt = Now.AddHours(1),
            CreatedAt = Now,
        };
    }

    public static Organization NewOrganization(Id<App> appId, Id<User> createdBy) => new()
    {
        Id = Id<Organization>.New(),
        AppId = appId,
        Name = "Test organization",
        Slug = Unique("org-"),
        CreatedBy = createdBy,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Member NewMember(Id<Organization> orgId, Id<User> userId, string role = "member") => new()
    {
        Id = Id<Member>.New(),
        OrgId = orgId,
        UserId = userId,
        Role = role,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    /// <summary>A pending invitation that expires a week after <see cref="Now"/>.</summary>
    public static Invitation NewInvitation(Id<Organization> orgId, Id<User> inviterId) => new()
    {
        Id = Id<Invitation>.New(),
        OrgId = orgId,
        Email = Unique("invitee-") + "@example.com",
        Role = "member",
        InviterId = inviterId,
        TokenHash = NewSecretHash(),
        ExpiresAt = Now.AddDays(7),
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Team NewTeam(Id<Organization> orgId) => new()
    {
        Id = Id<Team>.New(),
        OrgId = orgId,
        Name = "Test team",
        Slug = Unique("team-"),
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Device NewDevice(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Device
        {
            Id = Id<Device>.New(),
            AppId = user.AppId,
            UserId = user.Id,
            Name = "Test laptop",
            Type = "desktop",
            Browser = "Firefox",
            Os = "Linux",
            IpAddress = "203.0.113.7",
            Fingerprint = Unique("fp-"),
            LastSeenAt = Now,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
    }

    public static Webhook NewWebhook(Id<App> appId) => new()
    {
        Id = Id<Webhook>.New(),
        AppId = appId,
        Url = "https://hooks.example.com/" + Unique("h"),
        Events = ["user.created", "session.created"],
        Secret = Unique("whsec_"),
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Notification NewNotification(Id<App> appId, Id<User>? userId) => new()
    {
        Id = Id<Notification>.New(),
        AppId = appId,
        UserId = userId,
        Type = "verify_email",
        Channel = NotificationChannel.Email,
        Recipient = "someone@example.com",
        Subject = "Verify your email",
        Body = "Your code is 123456.",
        CreatedAt = Now,
    };

    public static ApiKey NewApiKey(Id<App> appId, Id<User>? userId = null) => new()
    {
        Id = Id<ApiKey>.New(),
        AppId = appId,
        UserId = userId,
        Name = "Test key",
        KeyPrefix = Unique("sk_live_"),
        KeyHash = NewSecretHash(),
        Scopes = ["users:read"],
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static FormConfig NewFormConfig(Id<App> appId, string? formType = null) => new()
    {
        Id = Id<FormConfig>.New(),
        AppId = appId,
        FormType = formType ?? Unique("form-"),
        Fields =
        [
            new FormField
            {
                Key = "company",
                Label = "Company",
                Type = "text",
                Order = 1,
                Validation = new FormFieldValidation { Required = true, MinLength = 2, MaxLength = 80, Pattern = "^[A-Za-z ]+$" },
            },
            new FormField
            {
                Key = "seats",
                Label = "Seats",
                Type = "number",
                Order = 2,
                Validation = new FormFieldValidation { Min = 1, Max = 500.5 },
            },
        ],
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static BrandingConfig NewBranding(Id<Organization> orgId) => new()
    {
        Id = Id<BrandingConfig>.New(),
        OrgId = orgId,
        LogoUrl = "https://cdn.example.com/logo.png",
        Colors = ImmutableDictionary<string, string>.Empty.Add("primary", "#3366ff").Add("background", "#ffffff"),
        FontFamily = "Inter",
        CompanyName = "Example Ltd",
        Tagline = "Sign in, safely",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static AppSessionConfig NewSessionConfig(Id<App> appId) => new()
    {
        Id = Id<AppSessionConfig>.New(),
        AppId = appId,
        TokenTtl = TimeSpan.FromMinutes(15),
        RefreshTokenTtl = TimeSpan.FromDays(14),
        AbsoluteLifetime = TimeSpan.FromDays(30),
        IdleTimeout = TimeSpan.FromHours(12),
        MaxActiveSessions = 5,
        RotateRefreshToken = true,
        BindToIp = false,
        TokenFormat = TokenFormat.Jwt,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static AppClientConfig NewClientConfig(Id<App> appId) => new()
    {
        Id = Id<AppClientConfig>.New(),
        AppId = appId,
        SignUpEnabled = true,
        PasswordEnabled = true,
        PasskeyEnabled = false,
        SocialProviders = ["github", "google"],
        RequireEmailVerification = true,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    /// <summary>A setting at a scope; <paramref name="scopeId"/> is empty for <see cref="SettingScope.Global"/>.</summary>
    public static Setting NewSetting(string key, SettingScope scope, string scopeId, string value = "true") => new()
    {
        Id = Id<Setting>.New(),
        Key = key,
        Scope = scope,
        ScopeId = scopeId,
        Value = value,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static ServiceAccount NewServiceAccount(Id<App> appId) => new()
    {
        Id = Id<ServiceAccount>.New(),
        AppId = appId,
        Name = Unique("svc-"),
        Description = "Nightly export",
        Scopes = ["users:read", "users:export"],
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Role NewRole(Id<App> appId, Id<Role>? parentId = null) => new()
    {
        Id = Id<Role>.New(),
        AppId = appId,
        Name = "Test role",
        Slug = Unique("role-"),
        ParentId = parentId,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Permission NewPermission(Id<Role> roleId, string action, string resource) => new()
    {
        Id = Id<Permission>.New(),
        RoleId = roleId,
        Action = action,
        Resource = resource,
        CreatedAt = Now,
    };

    public static RoleAssignment NewAssignment(Id<User> userId, Id<Role> roleId, Id<Organization>? orgId = null) => new()
    {
        Id = Id<RoleAssignment>.New(),
        UserId = userId,
        RoleId = roleId,
        OrgId = orgId,
        CreatedAt = Now,
    };
}
