namespace Authsome.Store;

/// <summary>Why a write conflicted with what is stored. Every backend reports the same kind for the same rule.</summary>
public enum ConflictKind
{
    /// <summary>The id, or a unique key that has no more specific kind below, is already taken.</summary>
    Duplicate,

    /// <summary>A live user of the same app and environment has this email (compared case-insensitively).</summary>
    EmailTaken,

    /// <summary>A live user of the same app and environment has this username (compared case-insensitively).</summary>
    UsernameTaken,

    /// <summary>A live user of the same app and environment has this phone number.</summary>
    PhoneTaken,

    /// <summary>The slug is taken in its scope (apps globally; organizations, environments and app-wide roles per app; teams and custom roles per organization).</summary>
    SlugTaken,

    /// <summary>Another app has this publishable key.</summary>
    PublishableKeyTaken,

    /// <summary>Another API key of the app has this prefix.</summary>
    KeyPrefixTaken,

    /// <summary>The entity refers to a parent (app, user, organization, role) that does not exist. Relational backends enforce this; others may not.</summary>
    MissingReference,

    /// <summary>The operation would leave an app with no default environment, or with two.</summary>
    DefaultEnvironment,

    /// <summary>The change would leave an organization with no member holding its owner role.</summary>
    LastOwner,
}
